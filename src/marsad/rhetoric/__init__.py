"""How it is said: persuasion techniques, emotions and frames (text, model, analyser, errors and resources only)."""
