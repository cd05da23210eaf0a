"""A USPTO grant document in the office's XML (one of the demo's patents), shared by the
reader's tests and the importer fuzzing, so no test module imports another."""

GRANT = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>
<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" file="US10357623-20190723.XML">
<us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>10357623</doc-number><kind>B2</kind><date>20190723</date></document-id></publication-reference>
<application-reference appl-type="utility"><document-id><country>US</country><doc-number>15623112</doc-number><date>20170614</date></document-id></application-reference>
<invention-title id="d2e43">Vaporizer</invention-title>
<assignees><assignee><addressbook><orgname>Example Owner Co.</orgname></addressbook></assignee></assignees>
</us-bibliographic-data-grant>
<abstract id="abstract"><p id="p-0001">A vaporizer with a wickless cavity.</p></abstract>
<description id="description"><p id="p-0002">The cavity holds liquid.</p></description>
<claims id="claims">
<claim id="CLM-00001" num="00001"><claim-text>1. A vaporizer, comprising:
<claim-text>a housing;</claim-text>
<claim-text>a liquid storage cavity free of a wick; and</claim-text>
<claim-text>a ceramic heating element.</claim-text></claim-text></claim>
<claim id="CLM-00002" num="00002"><claim-text>2. The vaporizer of <claim-ref idref="CLM-00001">claim 1</claim-ref>, wherein the heating element is porous.</claim-text></claim>
</claims>
</us-patent-grant>
"""
