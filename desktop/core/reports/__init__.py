"""Reports from the registry: the afdoeningstabel (sign-off table) of motions and commitments."""
