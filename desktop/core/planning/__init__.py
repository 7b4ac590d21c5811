"""From one letter to the next: what is due, what changed, carrying a letter forward."""
