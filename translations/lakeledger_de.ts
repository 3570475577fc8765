<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChartSupport</name>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="19"/>
        <source>%1
%2: %3
Day total: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="27"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="28"/>
        <source>%1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="34"/>
        <source>There is no chart to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="37"/>
        <source>The chart has no size to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="40"/>
        <source>Cannot write the picture %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="46"/>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="47"/>
        <source>Save this chart as a PNG picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="51"/>
        <location filename="../ui/charts/chartsupport.cpp" line="56"/>
        <source>Save chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/chartsupport.cpp" line="51"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="144"/>
        <source>Cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="146"/>
        <source>%1 is too large for a contract price list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="179"/>
        <location filename="../ui/settings/settingspage.cpp" line="182"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::core</name>
    <message>
        <location filename="../core/store/migrations.cpp" line="54"/>
        <source>This store was written by a newer LakeLedger (schema %1, this version knows %2). Update LakeLedger to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/migrations.cpp" line="65"/>
        <source>Schema migration %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/store.cpp" line="27"/>
        <source>Cannot create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/store.cpp" line="34"/>
        <source>Cannot create the store file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/store.cpp" line="51"/>
        <source>No store file given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/store.cpp" line="54"/>
        <source>The store %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/store.cpp" line="65"/>
        <source>%1 is not a LakeLedger store or is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/store/store.cpp" line="80"/>
        <source>The store %1 has schema %2; expected %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/pipelinerunner.cpp" line="85"/>
        <source>Cancelled before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/pipeline/pipelinerunner.cpp" line="108"/>
        <source>Cancelled during %1; committed work is kept and the next run resumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="23"/>
        <source>%1: unknown field &apos;%2&apos; (known: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="47"/>
        <source>%1: an exact rule needs match.resource and match.ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="49"/>
        <source>%1: a pattern rule needs match.field and match.regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="51"/>
        <source>%1: match takes either resource + ids or field + regex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="58"/>
        <source>%1: match.resource must be one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="61"/>
        <source>%1: match.ids must list at least one id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="64"/>
        <source>%1: every id in match.ids must be a non-empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="74"/>
        <source>%1: match.field must be one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="76"/>
        <source>%1: a tag pattern needs match.key (the tag key, case-insensitive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="78"/>
        <source>%1: match.key is only for field &apos;tag&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="81"/>
        <source>%1: match.regex is not a valid regular expression: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="94"/>
        <source>%1: a proportional rule assigns {&quot;mode&quot;: &quot;proportional&quot;, &quot;measure&quot;: &quot;direct_cost&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="101"/>
        <source>%1: a direct rule names a team, a project or both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="109"/>
        <source>%1: a split rule lists at least two splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="116"/>
        <source>%1: every split names a team or a project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="119"/>
        <source>%1: every split needs a positive percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="123"/>
        <source>%1: split percentages sum to %2, not 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="131"/>
        <source>%1: assign.bucket &apos;%2&apos; is not a defined bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="139"/>
        <source>%1: assign.mode must be direct, split, shared or usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="142"/>
        <source>Rule %1 &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="159"/>
        <source>Rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="165"/>
        <source>%1: a rule needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="169"/>
        <source>%1 &apos;%2&apos;: kind must be exact, pattern or proportional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="180"/>
        <source>Hierarchy: every node needs a key and a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="182"/>
        <source>Hierarchy node &apos;%1&apos;: kind must be org_unit, department or team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="184"/>
        <source>Hierarchy node &apos;%1&apos; is defined twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="192"/>
        <source>Hierarchy node &apos;%1&apos; names an unknown parent &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="197"/>
        <source>Hierarchy has a cycle through &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="204"/>
        <source>Hierarchy node &apos;%1&apos; (%2) cannot sit under &apos;%3&apos; (%4): teams belong to departments, departments to org units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="211"/>
        <source>Bucket &apos;%1&apos;: keys must be unique and non-empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="215"/>
        <source>Bucket &apos;%1&apos;: policy must be even, proportional, fixed or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="221"/>
        <source>Bucket &apos;%1&apos;: every fixed share needs a team and a positive percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="225"/>
        <source>Bucket &apos;%1&apos;: fixed shares sum to %2, not 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="229"/>
        <source>idle_policy must be &apos;owner&apos; or &apos;bucket:&lt;a defined bucket&gt;&apos;, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="262"/>
        <source>%1 is shadowed by %2: it can never match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="311"/>
        <source>The rules file is not valid JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionconfig.cpp" line="319"/>
        <source>Rules file version %1 is not supported (expected 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionstage.cpp" line="97"/>
        <source>Attribution rule &apos;%1&apos; failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionstore.cpp" line="58"/>
        <source>A stored attribution rule cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/attribution/attributionstore.cpp" line="137"/>
        <source>Principal &apos;%1&apos; is mapped twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="112"/>
        <source>Contract line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="117"/>
        <source>%1: scope must be sku, family or all, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="119"/>
        <source>%1: kind must be price or discount, not &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="122"/>
        <source>%1: a unit price applies to one SKU; use a discount for a family or for all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="124"/>
        <source>%1: scope &apos;all&apos; takes &apos;*&apos; as its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="126"/>
        <source>%1: the SKU or family is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="129"/>
        <source>%1: &apos;%2&apos; is not a non-negative decimal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="132"/>
        <source>%1: a discount is a percentage from 0 to 100, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="134"/>
        <source>%1: valid_from must be a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="136"/>
        <source>%1: valid_to is before valid_from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="147"/>
        <source>Contract periods overlap: lines %1 and %2 (%3 and %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="153"/>
        <source>Contract periods leave a gap: lines %1 and %2 (%3 and %4); nothing would price %5 to %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="219"/>
        <source>The contract CSV must start with the header line: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="224"/>
        <source>CSV line %1 has %2 cells; expected 6 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="229"/>
        <source>CSV line %1: valid_from &apos;%2&apos; is not a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="232"/>
        <source>CSV line %1: valid_to &apos;%2&apos; is not a date (YYYY-MM-DD); leave it empty for open-ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/contracts/contractbook.cpp" line="239"/>
        <source>The contract CSV is empty; it needs the header line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/reports/attributionreport.cpp" line="69"/>
        <source>The period is day or month, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/reports/attributionreport.cpp" line="97"/>
        <source>Unknown attribution axis &apos;%1&apos;; choose from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/reports/attributionreport.cpp" line="147"/>
        <source>explain works by team, project or bucket, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/job/job.cpp" line="96"/>
        <source>%1; the previous figures are unchanged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui</name>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="21"/>
        <source>team %1, project %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="23"/>
        <source>team %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="25"/>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="26"/>
        <source>(no team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="38"/>
        <source>%1 id in {%2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="43"/>
        <source>tag %1 ~ /%2/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="45"/>
        <source>(no match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="46"/>
        <source>%1 ~ /%2/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="53"/>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="61"/>
        <source>%1% %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="63"/>
        <source>split: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="65"/>
        <source>shared bucket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="66"/>
        <source>split by usage (query time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="67"/>
        <source>proportional to direct cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulesummary.cpp" line="71"/>
        <source>(unknown mode %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::AttributionPage</name>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="45"/>
        <source>Attribution</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="61"/>
        <source>Direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="62"/>
        <source>After sharing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="63"/>
        <source>Direct: shared buckets and idle time as their own rows. After sharing: buckets redistributed to teams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="66"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="68"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="71"/>
        <source>Cost:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="76"/>
        <source>Hierarchy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="77"/>
        <location filename="../ui/attribution/attributionpage.cpp" line="88"/>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="78"/>
        <source>Unattributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="80"/>
        <source>Every line item has an owner (a team, or unattributed) and a context (a project or shared bucket), with the rule or fallback step that decided it and its confidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="88"/>
        <source>Rules *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="109"/>
        <source>Why is this mine?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="113"/>
        <source>Why is this mine?…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="114"/>
        <source>List the line items behind the selected team, bucket, idle or unattributed row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="115"/>
        <source>Select a team, shared bucket, idle or unattributed row to see the line items, the rule or fallback step and the confidence behind its cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="149"/>
        <source>The resources, principals and tags carrying the most unattributed cost in the period. Pick one and make a rule from it; the rule is staged on the Rules tab for preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="157"/>
        <source>Make a rule from this…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="297"/>
        <source>Unattributed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/attributionpage.cpp" line="300"/>
        <source>No attributed cost between %1 and %2. Load data or widen the period.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::AuditLogModel</name>
    <message>
        <location filename="../ui/models/auditlogmodel.cpp" line="17"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/auditlogmodel.cpp" line="18"/>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/auditlogmodel.cpp" line="19"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/auditlogmodel.cpp" line="20"/>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/auditlogmodel.cpp" line="21"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/auditlogmodel.cpp" line="22"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::AuditLogPage</name>
    <message>
        <location filename="../ui/auditlog/auditlogpage.cpp" line="16"/>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/auditlog/auditlogpage.cpp" line="19"/>
        <source>Every change to rules, settings and data in this store, newest first (up to %1 entries).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/auditlog/auditlogpage.cpp" line="38"/>
        <source>The audit log is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::ConfidenceChart</name>
    <message>
        <location filename="../ui/attribution/confidencechart.cpp" line="18"/>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/confidencechart.cpp" line="19"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/confidencechart.cpp" line="20"/>
        <source>Estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/confidencechart.cpp" line="21"/>
        <source>Unattributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/confidencechart.cpp" line="32"/>
        <source>Cost by confidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::ConnectionPage</name>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="44"/>
        <source>OAuth service principal (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="45"/>
        <source>Personal access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="47"/>
        <source>Connect to Databricks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="48"/>
        <source>LakeLedger reads your account&apos;s system tables through a SQL warehouse. Secrets are kept in the system keychain, never in LakeLedger&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="50"/>
        <source>production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="51"/>
        <source>https://&lt;workspace&gt;.cloud.databricks.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="53"/>
        <source>A service principal with a client secret: not tied to a person, and its tokens expire within an hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="54"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="61"/>
        <source>Profile name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="62"/>
        <source>Workspace URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="63"/>
        <source>Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="65"/>
        <source>Import settings from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="80"/>
        <source>Environment variables (DATABRICKS_*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="85"/>
        <source>%1 profile [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="89"/>
        <source>Nothing found (no DATABRICKS_HOST, no ~/.databrickscfg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="113"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="121"/>
        <source>Imported, including the secret; it will be saved to the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="122"/>
        <source>Imported the host; enter the credentials on the next page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::ConnectionPanel</name>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="17"/>
        <source>Databricks connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="23"/>
        <source>Connect to Databricks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="24"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="25"/>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="29"/>
        <source>Direct Connection reads your account&apos;s system tables through a SQL warehouse with a service principal (OAuth, recommended) or a personal access token. Secrets are kept in the system keychain, never in the store. Saved profiles also sync from the command line: lakeledger-cli sync --profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="36"/>
        <source>Not connected in this session: open the connection wizard to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="43"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="44"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="46"/>
        <source>Sync again every N minutes while LakeLedger runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="51"/>
        <source>Schedule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="78"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="82"/>
        <source>Sync succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="84"/>
        <source>Sync cancelled; what was read is kept and the next sync resumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="86"/>
        <source>Sync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="101"/>
        <source>Profile “%1” saved; its secret is in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="102"/>
        <source>Profile “%1” saved; its secret is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/connectionpanel.cpp" line="111"/>
        <source>A sync is already running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::ConnectionWizard</name>
    <message>
        <location filename="../ui/connection/connectionwizard.cpp" line="22"/>
        <source>Direct Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionwizard.cpp" line="97"/>
        <source>No keychain available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionwizard.cpp" line="98"/>
        <source>%1

Keep the secret for this session only? LakeLedger will ask for it again after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionwizard.cpp" line="102"/>
        <source>Keep for this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionwizard.cpp" line="123"/>
        <source>The profile could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionwizard.cpp" line="145"/>
        <source>Could not save the connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::ContractModel</name>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="30"/>
        <source>open-ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="23"/>
        <source>Percent off the list price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="23"/>
        <source>Unit price per usage unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="12"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="12"/>
        <source>Applies to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="13"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="14"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="26"/>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/contractmodel.cpp" line="29"/>
        <source>Valid to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::CorrectionModel</name>
    <message>
        <location filename="../ui/models/correctionmodel.cpp" line="23"/>
        <source>Sync batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/correctionmodel.cpp" line="27"/>
        <source>Extracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/correctionmodel.cpp" line="28"/>
        <source>Usage day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/correctionmodel.cpp" line="31"/>
        <source>Retractions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/correctionmodel.cpp" line="32"/>
        <source>Restatements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/correctionmodel.cpp" line="33"/>
        <source>Net effect on cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::CostExplorerChart</name>
    <message numerus="yes">
        <location filename="../ui/explorer/costexplorerchart.cpp" line="74"/>
        <source>Other (%n value(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerchart.cpp" line="75"/>
        <location filename="../ui/explorer/costexplorerchart.cpp" line="98"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerchart.cpp" line="77"/>
        <source>%1: %2
%3
%4% of the total shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/explorer/costexplorerchart.cpp" line="103"/>
        <source>Other (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerchart.cpp" line="114"/>
        <source>Cost per %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerchart.cpp" line="133"/>
        <source>Top %1 by %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerchart.cpp" line="134"/>
        <source>Cost by %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::CostExplorerPage</name>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="48"/>
        <source>Cost Explorer</source>
        <translation>Kostenanalyse</translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="51"/>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="61"/>
        <source>Subtotals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="66"/>
        <source>Group cost by a preset or by dimensions in the order you tick them; filter by lists of values. Dates are UTC usage days, both ends included. Double-click a row to see the billing records behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="71"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="74"/>
        <source>Dimension orders for common questions; ticking a dimension makes the order custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="76"/>
        <source>A bold subtotal row above each group of the leading dimensions; sorting keeps each subtotal above its group, and copies and exports mark it in a &quot;Row&quot; column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="101"/>
        <source>Show the figures as the store held them at that moment: billing records and corrections that arrived later are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="103"/>
        <source>(figures as the store held them then)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="120"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="121"/>
        <source>Copy the selected cells as tab-separated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="123"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="124"/>
        <source>Save the rows shown, in this order, as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="127"/>
        <source>Filter rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="133"/>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="135"/>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="152"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="160"/>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="190"/>
        <source>Breakdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="191"/>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="217"/>
        <source>Levels: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="217"/>
        <source>Levels: none (the total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="285"/>
        <source>Enter the tag key to group by (e.g. cost_center).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="287"/>
        <source>A tag key cannot contain a comma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="373"/>
        <source>The start date is after the end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="397"/>
        <source>Nothing in this range matches %1. Check the spelling: a value is what the table shows (or a key), and the list completes from the values present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="425"/>
        <source>As of (records that arrived later are listed too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="433"/>
        <source>No cost in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="446"/>
        <source>Rows: %1 shown of %2 · cost shown: %3 · total: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costexplorerpage.cpp" line="450"/>
        <source> · as the store held them at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/explorer/costexplorerpage.cpp" line="452"/>
        <source> · %n filter(s) applied</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ll::ui::CostFilterBar</name>
    <message>
        <location filename="../ui/explorer/costfilterbar.cpp" line="89"/>
        <source>any (comma-separated list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costfilterbar.cpp" line="98"/>
        <source>tag key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costfilterbar.cpp" line="104"/>
        <source>Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costfilterbar.cpp" line="106"/>
        <source>values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costfilterbar.cpp" line="108"/>
        <source>%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costfilterbar.cpp" line="146"/>
        <source>Enter the tag key to filter on (e.g. env), or clear the tag values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costfilterbar.cpp" line="148"/>
        <source>A tag key cannot contain &apos;,&apos; or &apos;=&apos;: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::CostFilterPanel</name>
    <message>
        <location filename="../ui/explorer/costfilterpanel.cpp" line="13"/>
        <source>Filters (all must hold; a value is what the table shows or a key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/costfilterpanel.cpp" line="29"/>
        <location filename="../ui/explorer/costfilterpanel.cpp" line="44"/>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/explorer/costfilterpanel.cpp" line="44"/>
        <source>Filters (%n active)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ll::ui::CostTableModel</name>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="67"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="68"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="69"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="70"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="71"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="72"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="73"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="74"/>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="75"/>
        <source>Warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="76"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="77"/>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="78"/>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="79"/>
        <source>Work unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="80"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="80"/>
        <source>Tag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="81"/>
        <source>Org unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="82"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="122"/>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="124"/>
        <source>Subtotal of the rows below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="149"/>
        <source>Includes %1 DBU without a price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="151"/>
        <source>Contract prices where entered, otherwise the effective list price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="173"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="174"/>
        <source>List cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="175"/>
        <source>Contract cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/costtablemodel.cpp" line="176"/>
        <source>Quantity (DBU)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::CoverageDetailModel</name>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="15"/>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="16"/>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="17"/>
        <source>no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="18"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="19"/>
        <source>unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="20"/>
        <source>not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="29"/>
        <source>Stale: no event in the last 48 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="31"/>
        <source>Not readable: the table is not granted or not enabled for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="33"/>
        <source>Read, but no rows for this workspace (e.g. a regional table or an unused feature).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="42"/>
        <source>System table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="43"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="51"/>
        <source>Extraction status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="52"/>
        <source>Rows for this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="57"/>
        <source>Newest event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragedetailmodel.cpp" line="60"/>
        <source>Newest ingestion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::CoverageModel</name>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="44"/>
        <source>stale: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="45"/>
        <source>no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="46"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="47"/>
        <source>unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="48"/>
        <source>not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="87"/>
        <source>%1
Extraction status: %2
Rows for this workspace: %3
Newest event: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="90"/>
        <source>
Newest ingestion date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="92"/>
        <source>
Stale: no event in the last 48 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="94"/>
        <source>
Not readable: the table is not granted or not enabled for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="135"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="163"/>
        <source>Workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="168"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="169"/>
        <source>Every system table with a workspace_id was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="170"/>
        <source>Not read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="173"/>
        <source>Cost whose billing record names no job, pipeline, warehouse, endpoint, cluster, notebook or app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="175"/>
        <source>Cost with no known principal: no run_as or owned_by, and no owner of its resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="177"/>
        <source>Cost the attribution rules left without a team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="208"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="209"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="210"/>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="211"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="212"/>
        <source>Cost</source>
        <translation type="unfinished">Kosten</translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="213"/>
        <source>No resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="214"/>
        <source>No owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="215"/>
        <source>Unattributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="216"/>
        <source>Tables read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="217"/>
        <source>Newest usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/coveragemodel.cpp" line="218"/>
        <source>Newest ingestion</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::CredentialsPage</name>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="131"/>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="134"/>
        <source>optional: enables the account workspaces list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="137"/>
        <source>Client ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="138"/>
        <source>Client secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="139"/>
        <source>Account ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="142"/>
        <source>dapi...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="144"/>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="149"/>
        <source>LakeLedger needs USE SCHEMA and SELECT on the system schemas (billing at least) and CAN USE on a SQL warehouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="166"/>
        <source>The service principal&apos;s OAuth client ID and secret (Settings &gt; Identity and access &gt; Service principals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="167"/>
        <source>A personal access token (Settings &gt; Developer &gt; Access tokens).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::DailyCostChart</name>
    <message>
        <location filename="../ui/charts/dailycostchart.cpp" line="45"/>
        <source>Daily cost by billing product, last %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/dailycostchart.cpp" line="69"/>
        <source>Usage day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/charts/dailycostchart.cpp" line="79"/>
        <source>Cost (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::DataHealthPage</name>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="49"/>
        <source>Data Health</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="51"/>
        <source>Ledger line items (all time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="52"/>
        <source>Unpriced line items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="53"/>
        <source>Unpriced quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="54"/>
        <source>Unattributed cost (all time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="70"/>
        <source>Source freshness (system tables and REST enrichment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="88"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="89"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="90"/>
        <source>Recent stage runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="91"/>
        <source>Issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="92"/>
        <source>Corrections per sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="117"/>
        <source>Per system table:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="120"/>
        <source>readable, rows for this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="121"/>
        <source>stale: no event in 48 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="122"/>
        <source>readable, no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="123"/>
        <source>not readable (unavailable or failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="141"/>
        <source>Select a workspace to see each system table&apos;s state for it; Export CSV writes every table&apos;s state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="190"/>
        <source>System tables: select a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="195"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="196"/>
        <source>System tables for %1: %2 of %3 readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="276"/>
        <source>Freshness is measured at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="279"/>
        <source>usage records in the ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="282"/>
        <source>%1 of line items have no list price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="283"/>
        <source>no line items yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="284"/>
        <source>%1 DBU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="285"/>
        <source>usage not included in any cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="288"/>
        <source>%1 of %2 has no team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="293"/>
        <source>Last %8 days (%9): %1 of %2 cost is unattributed (%3). %4 line items (%5 DBU) have no price. %6 tag keys, by the share of cost each covers (left). Stale sources, usage, timelines or queries with no event in 48 h (right): %7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="311"/>
        <source>%1 workspaces; %2 of %3 system tables with a workspace_id could not be read (or were not read yet). Shares are of each workspace&apos;s cost, all time; select a workspace for each table&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="320"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="322"/>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="324"/>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="326"/>
        <source>Warehouses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="327"/>
        <source>%1: %2 from %3, %4 from REST (%5 REST only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="331"/>
        <source>Current entity state by source. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="332"/>
        <source>REST only: the system table has no row for the entity (not available or not granted); its name, owner, tags and configuration come from the REST list APIs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="336"/>
        <source>Coverage (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="337"/>
        <source>Quality (%1 stale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="338"/>
        <source>Recent stage runs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="339"/>
        <source>Issues (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/datahealth/datahealthpage.cpp" line="340"/>
        <source>Corrections per sync (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::DataTableView</name>
    <message>
        <location filename="../ui/widgets/datatableview.cpp" line="35"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/datatableview.cpp" line="55"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/datatableview.cpp" line="60"/>
        <source>Save the rows shown, in this order, as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/datatableview.cpp" line="171"/>
        <location filename="../ui/widgets/datatableview.cpp" line="180"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/datatableview.cpp" line="208"/>
        <location filename="../ui/widgets/datatableview.cpp" line="211"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/datatableview.cpp" line="208"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/datatableview.cpp" line="211"/>
        <source>The CSV file was not written: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::DimensionPicker</name>
    <message>
        <location filename="../ui/explorer/dimensionpicker.cpp" line="37"/>
        <source>Group by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/dimensionpicker.cpp" line="38"/>
        <source>From line items:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/dimensionpicker.cpp" line="41"/>
        <source>Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/explorer/dimensionpicker.cpp" line="47"/>
        <source>tag key, e.g. cost_center</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::DrillDown</name>
    <message>
        <location filename="../ui/drilldown/drilldownfilter.cpp" line="72"/>
        <source>%1 “%2” is matched by key; if the list is empty, its display name differs from its key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::ExplainModel</name>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="19"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="20"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="21"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="22"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="23"/>
        <source>Work unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="24"/>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="25"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="26"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="27"/>
        <source>Bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="28"/>
        <source>Rule or step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="29"/>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="30"/>
        <source>Allocated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/explainmodel.cpp" line="31"/>
        <source>Line cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::FreshnessBanner</name>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="59"/>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="59"/>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="62"/>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="63"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="73"/>
        <source>Billing usage (%1) has no usage record yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="74"/>
        <source>Billing usage is stale: the newest usage record is from %1, %2 ago.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="77"/>
        <source>%1 has never been extracted successfully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="78"/>
        <source>%1 was last extracted %2 ago (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="81"/>
        <source>The last extraction of %1 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="82"/>
        <source>The last extraction of %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="85"/>
        <source>The %1 stage did not finish (run started %2 ago); figures after it may be incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="86"/>
        <source>The %1 stage failed %2 ago: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="118"/>
        <source>%1 other sources have never been extracted successfully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="119"/>
        <source>%1 other sources were last extracted %2 ago or earlier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="124"/>
        <source>(%1 more in Data Health.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/freshnessbanner.cpp" line="125"/>
        <source>&lt;b&gt;The figures below may be out of date.&lt;/b&gt; %1&lt;br&gt;Run a sync or &lt;i&gt;Data → Process new data&lt;/i&gt;, then check the sources and stage runs in &lt;a href=&quot;%2&quot;&gt;Data Health&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::HierarchyCostModel</name>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="100"/>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="259"/>
        <source>Unattributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="102"/>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="105"/>
        <source>Shared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="111"/>
        <source>Other teams (not in the hierarchy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="231"/>
        <source>Org unit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="232"/>
        <source>Department %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="233"/>
        <source>Team %1: select it and press “Why is this mine?” for its line items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="234"/>
        <source>Teams created from tags that the hierarchy does not place yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="235"/>
        <source>Shared bucket %1 before redistribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="236"/>
        <source>Time with no query or run on shared compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="237"/>
        <source>Cost no rule, tag, identity or owner could place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="253"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="254"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="255"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="256"/>
        <source>Exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="257"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/hierarchycostmodel.cpp" line="258"/>
        <source>Estimated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::InsightModel</name>
    <message>
        <location filename="../ui/models/insightmodel.cpp" line="12"/>
        <source>Insight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/insightmodel.cpp" line="15"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/insightmodel.cpp" line="16"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/insightmodel.cpp" line="21"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/insightmodel.cpp" line="24"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::InsightsPage</name>
    <message>
        <location filename="../ui/insights/insightspage.cpp" line="19"/>
        <source>Insights</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <location filename="../ui/insights/insightspage.cpp" line="24"/>
        <source>Findings from the insight rules, largest estimated impact first. Select one to read its detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/insights/insightspage.cpp" line="30"/>
        <source>Select an insight to see its detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/insights/insightspage.cpp" line="56"/>
        <source>No insights yet. They appear after a sync or the demo has run the insight rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/insights/insightspage.cpp" line="77"/>
        <source>Impact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/insights/insightspage.cpp" line="78"/>
        <source>Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/insights/insightspage.cpp" line="79"/>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/insights/insightspage.cpp" line="80"/>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::IssueModel</name>
    <message>
        <location filename="../ui/models/issuemodel.cpp" line="11"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/issuemodel.cpp" line="12"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/issuemodel.cpp" line="13"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/issuemodel.cpp" line="14"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/issuemodel.cpp" line="15"/>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::LineItemModel</name>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="37"/>
        <source>unpriced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="71"/>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="72"/>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="81"/>
        <source>unattributed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="84"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="49"/>
        <source>A correction of an earlier billing record: it changes a figure already reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="30"/>
        <source>No list price covers this usage: it is not in any cost total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="64"/>
        <source>Contract price where one applies, otherwise the effective list price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="45"/>
        <source>Record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="46"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="52"/>
        <source>Usage start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="53"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="54"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="55"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="61"/>
        <source>Effective cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="62"/>
        <source>List cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="63"/>
        <source>Contract cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="65"/>
        <source>Effective price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="66"/>
        <source>List price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="67"/>
        <source>Price valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="75"/>
        <source>Work unit type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="76"/>
        <source>Work unit id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="77"/>
        <source>Work unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="78"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="79"/>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="80"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="83"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="86"/>
        <source>Attribution</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="87"/>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="88"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/lineitemmodel.cpp" line="93"/>
        <source>Extracted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::LineItemsDialog</name>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="28"/>
        <source>Line items — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="34"/>
        <source>Billing records for %1, usage days %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="35"/>
        <source>all cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="38"/>
        <source>Not narrowed by %1: the list shows every record matching the rest, so it can hold more than the figure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="41"/>
        <source>%1 is matched by work unit: usage billed to a job or pipeline running on it is not listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="44"/>
        <source>Corrections (retractions, restatements) are highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="53"/>
        <source>Filter records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="60"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="102"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="110"/>
        <source>Could not load the line items: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="120"/>
        <source>Showing %1 of %2 line items (the first by usage start) · total cost of all %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/drilldown/lineitemsdialog.cpp" line="123"/>
        <source>%1 line items · total cost: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="44"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="47"/>
        <source>LakeLedger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="60"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="61"/>
        <source>Cost Explorer</source>
        <translation>Kostenanalyse</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="62"/>
        <source>Workloads</source>
        <translation>Workloads</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="63"/>
        <source>Attribution</source>
        <translation>Zuordnung</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="64"/>
        <source>Insights</source>
        <translation>Erkenntnisse</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="65"/>
        <source>Data Health</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="66"/>
        <source>Audit Log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="70"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="84"/>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>Stop after the current chunk; everything committed so far is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="169"/>
        <source>Process new data</source>
        <translation>Neue Daten verarbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="170"/>
        <source>Run ledger, attribution, metrics and insights on raw data not processed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="173"/>
        <source>Rebuild from raw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="174"/>
        <source>Clear every derived layer and re-derive it from the raw data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="177"/>
        <source>&amp;Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="181"/>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="199"/>
        <source>Rebuild from raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="200"/>
        <source>This clears the ledger, attribution, metrics and open insights and derives them again from the raw data. Raw data is not touched. It can take a while on a large store.

Rebuild now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="202"/>
        <source>Rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209"/>
        <source>Rebuilding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209"/>
        <source>Processing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="227"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="239"/>
        <source>Pipeline run succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="243"/>
        <source>Rebuild cancelled; the previous figures are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="244"/>
        <source>Pipeline run cancelled; everything committed before stays consistent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="247"/>
        <source>Pipeline run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="271"/>
        <source>Cancelling before closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="280"/>
        <source>Data through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="281"/>
        <source>No data loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::NamedCostModel</name>
    <message>
        <location filename="../ui/models/namedcostmodel.cpp" line="16"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/models/namedcostmodel.cpp" line="21"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::OverviewPage</name>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="45"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="48"/>
        <source>Month to date</source>
        <translation>Monat bis heute</translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="49"/>
        <source>Same period last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="50"/>
        <source>Last month total</source>
        <translation>Vormonat gesamt</translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="51"/>
        <source>Month-end forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="52"/>
        <source>Unattributed share of MTD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="53"/>
        <source>Unpriced usage (MTD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="55"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="56"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="57"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="75"/>
        <source>Month to date plus the average daily cost of the last 7 days times the days left in the month.
Backtest: the same forecast made on day 15 of each complete past month (up to 6), compared with that month&apos;s actual total; the error shown is the mean absolute percentage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="86"/>
        <source>Top teams (month to date)</source>
        <translation>Top-Teams (Monat bis heute)</translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="87"/>
        <source>Top projects (month to date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="88"/>
        <source>Top workspaces (month to date)</source>
        <translation>Top-Workspaces (Monat bis heute)</translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="89"/>
        <source>Top workloads (month to date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="95"/>
        <source>No team cost this month yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="96"/>
        <source>No project cost this month yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="97"/>
        <source>No workspace cost this month yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="98"/>
        <source>No workload cost this month yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="99"/>
        <source>Double-click a team to see its billing records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="100"/>
        <source>Double-click a project to see its billing records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="101"/>
        <source>Double-click a workspace to see its billing records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="102"/>
        <source>Jobs, pipelines, SQL warehouses and clusters by cost this month. Double-click one to see its billing records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="108"/>
        <source>Team: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="116"/>
        <source>Project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="124"/>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="133"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="142"/>
        <source>Top open insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="145"/>
        <source>No open insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="200"/>
        <source>No cost in %1 yet: the data runs through %2. This month&apos;s figures and top tables fill in as its usage arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="203"/>
        <source>no day yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="207"/>
        <source>Month to date: %1 – %2 (UTC). Data through %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="212"/>
        <source>%1 1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="218"/>
        <source>Month to date: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="221"/>
        <source>No cost in that period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="231"/>
        <source>%1 without a team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="234"/>
        <source>%1 DBU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="235"/>
        <source>no list price, not in cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="237"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="250"/>
        <source>No cost this month yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="259"/>
        <source>Backtest error ±%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="260"/>
        <source>Backtested on %1 complete past months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="262"/>
        <source>No past month to backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/overview/overviewpage.cpp" line="264"/>
        <source>Made from data through %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::Page</name>
    <message>
        <location filename="../ui/common/page.cpp" line="100"/>
        <source>There is no store at %1 yet. To explore LakeLedger with generated demo data, run:
lakeledger-cli --store %1 demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/page.cpp" line="106"/>
        <source>Could not load this view: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/common/page.cpp" line="111"/>
        <source>This store has no cost data yet. Load demo data with
lakeledger-cli --store %1 demo
or run a sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::PreviewDialog</name>
    <message>
        <location filename="../ui/attribution/previewdialog.cpp" line="18"/>
        <source>Preview: who gains, who loses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewdialog.cpp" line="26"/>
        <source>The staged rules change nobody&apos;s cost for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attribution/previewdialog.cpp" line="27"/>
        <source>The staged rules move cost for %n owner(s) for %1. Red: charged more; green: charged less. Nothing is saved until you press Save.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewdialog.cpp" line="36"/>
        <source>Save and re-attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewdialog.cpp" line="37"/>
        <source>Discard staged changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::PreviewModel</name>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="42"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="42"/>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="28"/>
        <source>%1 would be charged more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="29"/>
        <source>%1 would be charged less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="30"/>
        <source>No change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="40"/>
        <source>Axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="45"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="46"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="47"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/previewmodel.cpp" line="23"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::ReconciliationModel</name>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="99"/>
        <source>List cost minus effective list cost: the discount already in the effective price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="100"/>
        <source>Effective list cost minus contract cost: what the contract saves on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="108"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="109"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="110"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="111"/>
        <source>List cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="112"/>
        <source>Effective list cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="113"/>
        <source>List − effective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="114"/>
        <source>Contract cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/reconciliationmodel.cpp" line="115"/>
        <source>Effective − contract</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::ReconciliationPanel</name>
    <message>
        <location filename="../ui/reconciliation/reconciliationpanel.cpp" line="26"/>
        <source>List cost is usage at the published list price; effective list cost uses the effective price Databricks bills (list minus its own discounts). Contract cost appears once contract prices are entered in Settings. The date range, as-of and filters are the Breakdown tab&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/reconciliationpanel.cpp" line="36"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/reconciliationpanel.cpp" line="60"/>
        <source>Could not load the reconciliation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/reconciliationpanel.cpp" line="87"/>
        <source>No cost in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/reconciliationpanel.cpp" line="87"/>
        <source>No cost in this range matches the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/reconciliationpanel.cpp" line="98"/>
        <source>Totals: list %1 · effective %2 · list − effective %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/reconciliation/reconciliationpanel.cpp" line="102"/>
        <source> · contract %1 · effective − contract %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/reconciliation/reconciliationpanel.cpp" line="105"/>
        <source> · %n filter(s) applied</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ll::ui::RuleEditorDialog</name>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="54"/>
        <source>New attribution rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="54"/>
        <source>Edit rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="58"/>
        <source>What the rule does, e.g. “Risk models run by the risk team”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="59"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="62"/>
        <source>Exact — a job, pipeline, warehouse, cluster or endpoint by id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="63"/>
        <source>Pattern — a regex on a name, path, principal, e-mail domain or tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="64"/>
        <source>Proportional — split by each team&apos;s direct cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="67"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="68"/>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="94"/>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="96"/>
        <source>Resource ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="97"/>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="104"/>
        <source>One or more ids, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="107"/>
        <source>Resource:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="108"/>
        <source>Ids:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="112"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="113"/>
        <source>Notebook path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="114"/>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="115"/>
        <source>E-mail domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="116"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="118"/>
        <source>Tag key (case-insensitive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="120"/>
        <source>Regular expression, e.g. ^risk-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="124"/>
        <source>Field:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="125"/>
        <source>Tag key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="126"/>
        <source>Regex:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="134"/>
        <source>Match by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="148"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="150"/>
        <source>Direct — one team and/or project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="151"/>
        <source>Split — fixed percentages summing to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="152"/>
        <source>Shared — into a shared bucket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="153"/>
        <source>Usage — split by query time or run overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="161"/>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="170"/>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="205"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="173"/>
        <source>Team:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="174"/>
        <source>Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="178"/>
        <source>Team key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="178"/>
        <source>Project key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="178"/>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="181"/>
        <source>Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="182"/>
        <source>Remove row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="208"/>
        <source>Bucket:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="220"/>
        <source>Each hour of a shared warehouse or cluster is split among the principals and runs active on it by query time or run overlap; idle time stays an explicit row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="222"/>
        <source>Proportional rules split the matched cost across teams in proportion to each team&apos;s direct cost in the same period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="226"/>
        <source>Mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="400"/>
        <source>✔ valid regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="401"/>
        <source>✖ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="408"/>
        <source>Total: %1% %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="408"/>
        <source>✔</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="408"/>
        <source>(must reach 100)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="409"/>
        <source>Total: a percent is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/ruleeditordialog.cpp" line="413"/>
        <source>The rule is valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::RuleListModel</name>
    <message>
        <location filename="../ui/attribution/rulelistmodel.cpp" line="138"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulelistmodel.cpp" line="138"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulelistmodel.cpp" line="189"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulelistmodel.cpp" line="190"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulelistmodel.cpp" line="191"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulelistmodel.cpp" line="192"/>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulelistmodel.cpp" line="193"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulelistmodel.cpp" line="194"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::RulesPanel</name>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="51"/>
        <source>First match wins. Double-click a rule to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="65"/>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="65"/>
        <source>Append a new rule (it applies after the existing ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="66"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="66"/>
        <source>Edit the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="67"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="67"/>
        <source>Delete the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="68"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="68"/>
        <source>Give the selected rule priority over the one above it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="69"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="69"/>
        <source>Let the rule below take priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="70"/>
        <source>Enable/Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="70"/>
        <source>Switch the selected rule on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="71"/>
        <source>Import rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="71"/>
        <source>Stage a rules file (JSON) in place of the current configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="72"/>
        <source>Export rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="72"/>
        <source>Write the staged configuration as readable JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="73"/>
        <source>Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="73"/>
        <source>Show who gains and who loses with the staged rules, without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="74"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="74"/>
        <source>Save the staged rules and re-run attribution, metrics and insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="75"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="75"/>
        <source>Forget the staged edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="120"/>
        <source>Import attribution rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="120"/>
        <source>Rules files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="122"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="122"/>
        <source>The rules in %1 were not staged:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="126"/>
        <source>Export attribution rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="126"/>
        <source>Rules files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="129"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="164"/>
        <source>Re-attributing: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attribution/rulespanel.cpp" line="231"/>
        <source>%n rule(s) staged with unsaved changes: preview, then save or discard.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/attribution/rulespanel.cpp" line="232"/>
        <source>%n rule(s), first match wins; unmatched cost falls back to tags, identities and owners.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="284"/>
        <source>Computing the preview for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="292"/>
        <source>The preview failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="311"/>
        <source>Saving the rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="321"/>
        <source>The rules were not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="331"/>
        <source>Saved. A pipeline run is already in progress; the next “Process new data” re-attributes every day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="339"/>
        <source>Saved. Re-attributing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="351"/>
        <source>Saved and re-attributed. The audit log records the change with before and after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="353"/>
        <source>Saved, but re-attribution %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="372"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/rulespanel.cpp" line="386"/>
        <location filename="../ui/attribution/rulespanel.cpp" line="389"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::RunModel</name>
    <message>
        <location filename="../ui/models/runmodel.cpp" line="37"/>
        <source>This run failed; its cost bought no result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runmodel.cpp" line="16"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runmodel.cpp" line="17"/>
        <source>Start day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runmodel.cpp" line="20"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runmodel.cpp" line="23"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/runmodel.cpp" line="28"/>
        <source>Cost</source>
        <translation type="unfinished">Kosten</translation>
    </message>
</context>
<context>
    <name>ll::ui::SettingsPage</name>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="37"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="43"/>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="44"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="52"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="54"/>
        <source>Store file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="55"/>
        <source>Schema version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="57"/>
        <source>Contract prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="58"/>
        <source>Negotiated prices: a unit price per SKU, or a percent discount per SKU, billing product family or for everything. The most specific entry wins. Import a CSV with the columns scope, scope_key, kind, value, valid_from, valid_to; it replaces all contracts and is recorded in the audit log. Contract costs apply after the next “Process new data”, which starts by itself after an import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="70"/>
        <source>Replace all contract prices with the rows of a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="71"/>
        <source>Save the contract prices as a CSV file in the import format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="74"/>
        <source>Import contract prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="74"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="78"/>
        <source>Export contract prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="78"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="117"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="125"/>
        <source>%1 (up to date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="126"/>
        <source>%1 (this build knows up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="129"/>
        <source>No contract prices: every cost uses the effective list price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settings/settingspage.cpp" line="130"/>
        <source>%n contract price(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="139"/>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="157"/>
        <source>Nothing was imported; the contracts are unchanged. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settings/settingspage.cpp" line="161"/>
        <source>Imported %n contract price(s). Contract costs apply when the “Process new data” run just started finishes (see the status bar).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settings/settingspage.cpp" line="187"/>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settings/settingspage.cpp" line="189"/>
        <source>Exported %n contract price(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ll::ui::SourceStateModel</name>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="37"/>
        <source>Objects in the newest successful listing (REST enrichment has no event time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="17"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="18"/>
        <source>System table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="19"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="28"/>
        <source>Last success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="29"/>
        <source>Newest event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="30"/>
        <source>Lag (h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="31"/>
        <source>Raw rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/sourcestatemodel.cpp" line="41"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::StageRunModel</name>
    <message>
        <location filename="../ui/models/stagerunmodel.cpp" line="13"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stagerunmodel.cpp" line="14"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stagerunmodel.cpp" line="15"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stagerunmodel.cpp" line="16"/>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stagerunmodel.cpp" line="17"/>
        <source>Rows in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stagerunmodel.cpp" line="18"/>
        <source>Rows out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stagerunmodel.cpp" line="19"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::StaleSourceModel</name>
    <message>
        <location filename="../ui/models/stalesourcemodel.cpp" line="13"/>
        <source>Stale source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stalesourcemodel.cpp" line="14"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stalesourcemodel.cpp" line="15"/>
        <source>Newest event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/stalesourcemodel.cpp" line="16"/>
        <source>Lag (h)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::TagCoverageModel</name>
    <message>
        <location filename="../ui/models/tagcoveragemodel.cpp" line="13"/>
        <source>Tag key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/tagcoveragemodel.cpp" line="14"/>
        <source>Cost covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/tagcoveragemodel.cpp" line="19"/>
        <source>Share of cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::UnattributedModel</name>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="14"/>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="15"/>
        <source>Principal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="16"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="35"/>
        <source>Select the row and press “Make a rule from this”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="12"/>
        <source>Grouped by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="20"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="21"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="22"/>
        <source>Unattributed cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/unattributedmodel.cpp" line="27"/>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::UtilizationModel</name>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="66"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="66"/>
        <source>Warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="62"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="64"/>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="65"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="68"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="70"/>
        <source>Workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="71"/>
        <source>Node hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="72"/>
        <source>Avg CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="73"/>
        <source>Avg memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="74"/>
        <source>Running hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="75"/>
        <source>Busy share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="76"/>
        <source>Idle running hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="77"/>
        <source>Queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/utilizationmodel.cpp" line="81"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::WarehousePage</name>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="180"/>
        <source>Refresh list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="181"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="183"/>
        <source>SQL warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="184"/>
        <source>Pick the warehouse that queries the system tables. Testing reads zero rows from each system table; a stopped warehouse starts for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="238"/>
        <source>Loading the warehouse list...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="247"/>
        <location filename="../ui/connection/connectionpages.cpp" line="280"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="252"/>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="252"/>
        <source>serverless</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connection/connectionpages.cpp" line="258"/>
        <source>%n warehouse(s) found.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="272"/>
        <source>Testing sign-in, the warehouse and access to each system schema...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="285"/>
        <source>Signed in as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="285"/>
        <source>Sign-in failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="287"/>
        <source>The warehouse answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="287"/>
        <source>Warehouse problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="290"/>
        <source>%1: readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="294"/>
        <source>What is missing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="295"/>
        <source>Ready to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection/connectionpages.cpp" line="295"/>
        <source>Not ready: fix the problems above, then test again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::WhyDialog</name>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="48"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="50"/>
        <source>Why is this mine? — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="55"/>
        <source>Loading the line items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="90"/>
        <source>Could not load the explanation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="95"/>
        <source>%1 line items from %2 to %3 make up %4 for %5. Each row names the rule or fallback step that placed it and its confidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="108"/>
        <location filename="../ui/attribution/whydialog.cpp" line="112"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="118"/>
        <source>Export the explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="118"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/attribution/whydialog.cpp" line="121"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::WorkloadModel</name>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="73"/>
        <source>%1h %2m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="75"/>
        <source>%1m %2s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="76"/>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="31"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="27"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="32"/>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="34"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="35"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="37"/>
        <source>Workspace %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="38"/>
        <source>Cost</source>
        <translation type="unfinished">Kosten</translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="39"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="40"/>
        <source>Failed runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="41"/>
        <source>Failed-run cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="43"/>
        <source>Avg duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="48"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="82"/>
        <source>System table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="83"/>
        <source>REST API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="84"/>
        <source>REST API only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="87"/>
        <source>Usage only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="94"/>
        <source>the Jobs API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="96"/>
        <source>the Pipelines API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="98"/>
        <source>the Clusters API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="100"/>
        <source>the SQL Warehouses API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="103"/>
        <source>No entity table: named from usage only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="105"/>
        <source>From %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="106"/>
        <source>From %1 (newer than %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="107"/>
        <source>From %1 (%2 not available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/workloadmodel.cpp" line="110"/>
        <source>Not in %1 or %2: named from usage only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ll::ui::WorkloadsPage</name>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="32"/>
        <location filename="../ui/workloads/workloadspage.cpp" line="106"/>
        <source>Workloads</source>
        <translation>Workloads</translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="46"/>
        <source>Cost, runs and failures per workload from the workload metrics. Dates are UTC usage days, both ends included. Select a job or pipeline to see its runs with cost per run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="50"/>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="51"/>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="52"/>
        <source>Warehouses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="53"/>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="54"/>
        <source>All work units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="69"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="72"/>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="74"/>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="87"/>
        <location filename="../ui/workloads/workloadspage.cpp" line="195"/>
        <source>Select a job or pipeline to see its runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="107"/>
        <source>Utilization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="149"/>
        <source>The start date is after the end date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="174"/>
        <source>No workload cost recorded between %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="200"/>
        <source>Runs of %1 (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="206"/>
        <source>Could not load the runs of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/workloads/workloadspage.cpp" line="213"/>
        <source>Runs of %1 (newest first): %2 runs, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="43"/>
        <source>Databricks cost intelligence for FinOps analysts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="47"/>
        <source>The store file to open (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="49"/>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="51"/>
        <source>Render the window to PNG once loaded, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="52"/>
        <source>PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="54"/>
        <source>The view to show first: %1 (a tab as VIEW/TAB, e.g. cost-explorer/reconciliation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="56"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="58"/>
        <source>Pin the date used for month to date (testing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="59"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="69"/>
        <source>unknown view &apos;%1&apos;; choose one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="77"/>
        <source>--today wants a date as YYYY-MM-DD, not &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="111"/>
        <source>the store %1 does not exist; create one with: lakeledger-cli --store %1 demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="120"/>
        <source>view &apos;%1&apos; has no such tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="136"/>
        <source>cannot write the screenshot %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
