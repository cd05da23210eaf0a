"""A made-up patent (in the corpus format, with counsel's construction) and a product text
that practises it: what the claim chart tests and the Dask chart jobs chart, kept here so
no test module imports another."""

PATENT = {
    "number": "US10000001",
    "title": "Electronic vaporization device",
    "claims": [
        {
            "num": 1,
            "text": "An electronic vaporization device, comprising:\na liquid storage cavity;\na porous ceramic body; and\na heating element on the porous ceramic body.",
        },
        {
            "num": 2,
            "text": "The device of claim 1, wherein the device is free of a wick.",
            "depends_on": 1,
        },
    ],
    "confidentiality": "attorneys_eyes_only",
    # counsel's construction of the claim terms, stored with the patent
    "construction": {
        "liquid storage cavity": ["tank"],
        "porous ceramic body": ["porous ceramic core"],
        "heating element": ["heating coil"],
    },
}
PRODUCT = "The TH2 cartridge has a glass tank for oil. A porous ceramic core carries a printed heating coil. No cotton wick is used."
