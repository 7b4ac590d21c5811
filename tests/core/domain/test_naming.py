"""Motion names and Dutch surname casing."""

import pytest

from desktop.core.domain.naming import motion_name, proper_case_name


@pytest.mark.parametrize(
    ("raw", "written"),
    [
        ("VAN LAAR", "Van Laar"),
        ("VAN DEN HUL", "Van den Hul"),
        ("JASPER VAN DIJK", "Jasper van Dijk"),
        ("VAN 'T WOUT", "Van 't Wout"),
        ("IJSSELMUIDEN", "IJsselmuiden"),
        ("VAN DER GRAAF-BIJL", "Van der Graaf-Bijl"),
        ("JAN VOS", "Jan Vos"),
        ("DEN BOER", "Den Boer"),
        ("van Laar", "Van Laar"),
        ("Jasper van Dijk", "Jasper van Dijk"),
    ],
)
def test_proper_case_name(raw, written):
    assert proper_case_name(raw) == written


def test_one_signer():
    assert motion_name(["Van Laar"]) == "de motie Van Laar"


def test_two_signers_joined_by_slash():
    assert motion_name(["Diks", "Van den Hul"]) == "de motie Diks/Van den Hul"


def test_many_signers_cs():
    assert motion_name(["Amhaouch", "Bouali", "Sjoerdsma"]) == "de motie Amhaouch c.s."


def test_gewijzigde_motie_and_capital():
    assert motion_name(["VAN LAAR"], gewijzigd=True, capital=True) == "De gewijzigde motie Van Laar"


def test_first_name_keeps_lower_case_particle():
    assert (
        motion_name(["Jasper van Dijk", "Van Veldhoven"])
        == "de motie Jasper van Dijk/Van Veldhoven"
    )
