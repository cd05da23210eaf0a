"""Text tools shared by the engines: a sentence encoder whose weights ship in a package."""
