"""Notices written for the tests in the Commission's own conventions (not real notices).

Each follows the structure the Federal Register gives a USITC Section 337 notice
(Document Drafting Handbook preamble: caption, AGENCY, ACTION, SUMMARY, FOR FURTHER
INFORMATION CONTACT, SUPPLEMENTARY INFORMATION) and the wording of 19 CFR part 210: the
service list of 210.10(b), terminations under 210.21, default under 210.16, final
determinations under 210.45. Every party, number and product is invented.
"""

from __future__ import annotations

# An institution notice in the GPO text edition: ``TeX quotes'', hard-wrapped lines,
# indented paragraphs, the service list of 210.10(b) with street addresses.
INSTITUTION = """\
[Federal Register Volume 90, Number 12 (Tuesday, January 21, 2025)]
[Notices]
[Pages 7001-7003]
From the Federal Register Online via the Government Publishing Office [www.gpo.gov]
[FR Doc No: 2025-01001]

-----------------------------------------------------------------------

INTERNATIONAL TRADE COMMISSION

[Investigation No. 337-TA-9901]


Certain Widget Assemblies and Components Thereof; Institution of
Investigation

AGENCY: U.S. International Trade Commission.

ACTION: Notice.

-----------------------------------------------------------------------

SUMMARY: Notice is hereby given that a complaint was filed with the
U.S. International Trade Commission on December 3, 2024, under section
337 of the Tariff Act of 1930, as amended, on behalf of Acme Widget
Corporation of Austin, Texas and Acme Widget GmbH of Munich, Germany.
The complaint alleges violations of section 337 based upon the
importation into the United States of certain widget assemblies by
reason of the infringement of certain claims of U.S. Patent No.
9,876,543 (``the '543 patent''); U.S. Patent No. 10,123,456 (``the '456
patent''); and U.S. Patent No. RE48,765 (``the '765 patent''), and of
U.S. Trademark Registration Nos. 4,111,222 and 5,333,444. The
complainants request that the Commission institute an investigation
and, after the investigation, issue a general exclusion order, or in
the alternative a limited exclusion order, and cease and desist orders.

FOR FURTHER INFORMATION CONTACT: Jane Roe, Esq., Office of Docket
Services, U.S. International Trade Commission, telephone (202)
205-1802.

SUPPLEMENTARY INFORMATION:
    Authority: The authority for institution of this investigation is
contained in section 337 of the Tariff Act of 1930, as amended, 19
U.S.C. 1337, and in section 210.10 of the Commission's Rules of
Practice and Procedure, 19 CFR 210.10 (2024).
    (3) For the purpose of the investigation so instituted, the
following are hereby named as parties upon which this notice of
investigation shall be served:
    (a) The complainants are:

Acme Widget Corporation, 100 Main Street, Austin, TX 78701
Acme Widget GmbH, Hauptstrasse 1, 80331 Munich, Germany

    (b) The respondents are the following entities alleged to be in
violation of section 337, and are the parties upon which the complaint
is to be served:

Ningbo Bright Star Trading Co., Ltd., No. 8 Harbour Road, Beilun
District, Ningbo, Zhejiang 315800, China
Widgetz Direct LLC, 55 Commerce Drive, Suite 200, Newark, DE 19702
Kowloon Gadget Limited, Unit 5, 12/F, Tower A, 1 Nathan Road,
Tsim Sha Tsui, Kowloon, Hong Kong

    (c) The Office of Unfair Import Investigations, U.S. International
Trade Commission, 500 E Street SW, Suite 401, Washington, DC 20436; and
    Failure of a respondent to file a timely response to each allegation
in the complaint and in this notice may be deemed to constitute a waiver
of the right to appear and contest the allegations of the complaint and
this notice, and to authorize the administrative law judge and the
Commission, without further notice to the respondent, to find the facts
to be as alleged in the complaint and this notice and to enter an
initial determination and a final determination containing such
findings, and may result in the issuance of an exclusion order or a
cease and desist order or both directed against the respondent.
"""

# Termination under 210.21(b) and (c): two respondents by consent order, one by
# settlement, named with their short names; the history names a fourth who stays in.
TERMINATION = """\
INTERNATIONAL TRADE COMMISSION
[Investigation No. 337-TA-9902]
Certain Portable Blenders and Components Thereof; Notice of a Commission Determination
Not To Review an Initial Determination Terminating the Investigation as to Two
Respondents on the Basis of Consent Orders and as to One Respondent on the Basis of a
Settlement Agreement; Issuance of Consent Orders
AGENCY: U.S. International Trade Commission.
ACTION: Notice.
SUMMARY: Notice is hereby given that the U.S. International Trade Commission
(“Commission”) has determined not to review an initial determination (“ID”) (Order No.
14) of the presiding administrative law judge (“ALJ”) granting motions to terminate the
investigation as to respondents Harbor Kitchenware Co., Ltd. (“Harbor”) and Lumen Home
Inc. (“Lumen”) on the basis of consent orders, and as to respondent Vortex Appliance LLC
(“Vortex”) on the basis of a settlement agreement. The Commission has issued the consent
orders.
FOR FURTHER INFORMATION CONTACT: John Doe, Esq., Office of the General Counsel, U.S.
International Trade Commission, 500 E Street SW, Washington, DC 20436.
SUPPLEMENTARY INFORMATION: The Commission instituted this investigation on March 2,
2024, based on a complaint filed by BlendCo Inc. of Denver, Colorado. 89 FR 15000 (Mar.
2, 2024). The notice of investigation named as respondents Harbor Kitchenware Co., Ltd.
of Shenzhen, China; Lumen Home Inc. of Irvine, California; Vortex Appliance LLC of Miami,
Florida; and Qingdao Swift Electric Co., Ltd. of Qingdao, China. The Office of Unfair
Import Investigations is also a party to the investigation.
On May 1, 2024, complainant and respondents Harbor and Lumen filed a joint motion to
terminate the investigation as to those respondents based on consent order stipulations.
"""

# A default under 210.16: the ID finding three respondents in default is not reviewed.
DEFAULT = """\
[Investigation No. 337-TA-9903]
Certain Hair Clippers; Notice of a Commission Determination Not To Review an Initial
Determination Finding Three Respondents in Default
AGENCY: U.S. International Trade Commission.
ACTION: Notice.
SUMMARY: Notice is hereby given that the U.S. International Trade Commission has
determined not to review an initial determination (“ID”) (Order No. 9) of the presiding
administrative law judge finding respondents Zhongshan Fine Cut Appliance Co., Ltd. of
Zhongshan, China; Sharpline Trading Inc. of Flushing, New York; and Best Barber Supply
LLC of Houston, Texas in default.
SUPPLEMENTARY INFORMATION: On August 1, 2024, the ALJ ordered those respondents to show
cause why they should not be found in default.
"""

# A final determination under 210.45(c) finding no violation for the whole investigation.
NO_VIOLATION = """\
[Investigation No. 337-TA-9904]
Certain Smart Thermostats; Notice of Commission Final Determination Finding No Violation
of Section 337; Termination of the Investigation
AGENCY: U.S. International Trade Commission.
ACTION: Notice.
SUMMARY: Notice is hereby given that the U.S. International Trade Commission has
determined that there is no violation of section 337 of the Tariff Act of 1930, as
amended, in the above-captioned investigation. The investigation is terminated.
SUPPLEMENTARY INFORMATION: The Commission instituted this investigation on June 4, 2023,
based on a complaint filed by Climatrol Systems, Inc. of Raleigh, North Carolina. The
notice of investigation named as respondents Polar Controls Ltd. of Taipei, Taiwan and
Polar Controls USA, Inc. of San Jose, California.
"""

# A final determination of violation with an LEO and a CDO (210.50), some respondents.
VIOLATION = """\
[Investigation No. 337-TA-9905]
Certain Camera Lenses; Notice of a Commission Final Determination Finding a Violation of
Section 337; Issuance of a Limited Exclusion Order and a Cease and Desist Order;
Termination of the Investigation
AGENCY: U.S. International Trade Commission.
ACTION: Notice.
SUMMARY: Notice is hereby given that the U.S. International Trade Commission has
determined that there is a violation of section 337 by respondents Alpha Optics Co., Ltd.
of Xiamen, China and Beta Lens Inc. of Portland, Oregon. The Commission has determined
that the appropriate remedy is a limited exclusion order prohibiting the unlicensed entry
of infringing camera lenses and a cease and desist order directed to Beta Lens Inc. The
Commission has determined that the bond during the period of Presidential review is zero.
"""

# A partial withdrawal under 210.21(a)(1) as to one respondent.
WITHDRAWAL = """\
[Investigation No. 337-TA-9906]
Certain Garden Hoses; Notice of a Commission Determination Not To Review an Initial
Determination Terminating the Investigation as to One Respondent Based on Withdrawal of
the Complaint
SUMMARY: Notice is hereby given that the U.S. International Trade Commission has
determined not to review an initial determination of the presiding administrative law
judge terminating the investigation as to respondent Delta Imports Corp. of Elizabeth,
New Jersey based on the partial withdrawal of the complaint.
"""

# A USITC news release on an institution: no caption, parties "of PLACE".
NEWS_RELEASE = """\
News Release 25-001
Inv. No(s). 337-TA-9907
Contact: Press Office, 202-205-1819
The U.S. International Trade Commission (USITC) has voted to institute an investigation of
certain folding bicycles and components thereof.
The investigation is based on a complaint filed by Foldaway Cycles, Inc., of Portland, OR,
on January 6, 2025. The complainant requests that the USITC issue a general exclusion order.
The USITC has identified the following as respondents in this investigation:
Tianjin Wheelworks Co., Ltd., of Tianjin, China;
Ride Cheap LLC of Wilmington, DE; and
Urban Fold Limited of London, United Kingdom.
By instituting this investigation (337-TA-9907), the USITC has not yet made any decision.
"""
