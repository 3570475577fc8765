#include "demoaccount.h"

#include <QSet>

#include <algorithm>
#include <array>

namespace ll::demo {

namespace {

// Eight teams, each spelled inconsistently across resources, as tags typed by hand are.
constexpr std::array<std::array<const char *, 3>, 8> kTeamSpellings = {{
    {"ml", "ML", "Ml"},
    {"analytics", "Analytics", "ANALYTICS"},
    {"data-eng", "Data-Eng", "DATA-ENG"},
    {"finance", "Finance", "FINANCE"},
    {"marketing", "Marketing", "marketing"},
    {"platform", "Platform", "PLATFORM"},
    {"risk", "Risk", "risk"},
    {"growth", "Growth", "GROWTH"},
}};

constexpr std::array<const char *, 10> kProjects = {
    "churn-model", "recommendations", "customer-360", "fraud-detection", "etl-core",
    "exec-dashboards", "pricing", "forecasting", "lakehouse-migration", "attribution",
};

constexpr std::array<const char *, 10> kWorkspaceNames = {
    "analytics-prod", "ml-research", "data-eng-dev", "finance-reporting", "marketing-analytics",
    "platform-shared", "risk-modeling", "growth-experiments", "data-eng-prod", "ml-prod",
};
constexpr std::array<int, 10> kWorkspaceTeams = {1, 0, 2, 3, 4, 5, 6, 7, 2, 0};

constexpr std::array<const char *, 16> kPeople = {
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
    "ivan", "judy", "ken", "laura", "mike", "nina", "oscar", "priya",
};

constexpr std::array<const char *, 10> kJobVerbs = {
    "ingest", "transform", "refresh", "train", "score", "export", "backfill", "aggregate", "sync", "validate",
};
constexpr std::array<const char *, 12> kJobSubjects = {
    "orders", "clickstream", "customers", "payments", "inventory", "campaigns",
    "features", "transactions", "sessions", "invoices", "events", "ledger",
};
constexpr std::array<const char *, 12> kTaskKeys = {
    "extract", "ingest", "clean", "transform", "join", "aggregate",
    "validate", "train", "evaluate", "score", "publish", "notify",
};

struct WarehouseSize {
    const char *name;
    std::int64_t dbuMilli;
};
constexpr std::array<WarehouseSize, 5> kWarehouseSizes = {{
    {"2X-Small", 4000}, {"X-Small", 6000}, {"Small", 12000}, {"Medium", 24000}, {"Large", 40000},
}};
constexpr std::array<const char *, 6> kWarehouseNames = {
    "Shared BI Warehouse", "Analytics Warehouse", "Finance Reporting", "dbt Transformations", "Ad-hoc SQL", "Dashboards Serverless",
};
constexpr std::array<const char *, 6> kNotebookNames = {
    "exploration", "feature_prototyping", "adhoc_analysis", "model_debugging", "quick_checks", "eda_churn",
};

struct Tags {
    int team = -1;    // -1 = no team tag
    int project = -1; // -1 = no project tag
    quint64 style = 0; // which spellings of keys and values
    QByteArray env;

    QByteArray render() const
    {
        JsonDoc doc;
        doc.beginObject();
        if (team >= 0) {
            static constexpr std::array<const char *, 3> keys = {"team", "Team", "TEAM"};
            const quint64 k = style % 20;
            const int keyIndex = k < 12 ? 0 : (k < 17 ? 1 : 2);
            const quint64 v = (style >> 8) % 10;
            const int valueIndex = v < 6 ? 0 : (v < 9 ? 1 : 2);
            doc.str(keys[keyIndex], kTeamSpellings[team][valueIndex]);
        }
        if (project >= 0) {
            QByteArray value = kProjects[project];
            if ((style >> 16) % 7 == 0)
                value[0] = static_cast<char>(value[0] - 'a' + 'A');
            doc.str((style >> 24) % 10 < 7 ? "project" : "Project", value);
        }
        if (!env.isEmpty())
            doc.str("env", env);
        return doc.end();
    }
};

Tags makeTags(DemoRandom &r, int primaryTeam, const QByteArray &workspaceName)
{
    Tags t;
    t.style = r.next();
    if (!r.chance(0.15))
        t.team = r.chance(0.7) ? primaryTeam : r.index(kTeamSpellings.size());
    if (r.chance(0.75))
        t.project = static_cast<int>((std::max(t.team, 0) * 3 + r.range(0, 3)) % static_cast<int>(kProjects.size()));
    if (r.chance(0.4))
        t.env = workspaceName.contains("dev") ? QByteArray("dev") : QByteArray("prod");
    return t;
}

QByteArray digits(DemoRandom &r, int count)
{
    QByteArray out;
    out.append(static_cast<char>('1' + r.range(0, 8)));
    for (int i = 1; i < count; ++i)
        out.append(static_cast<char>('0' + r.range(0, 9)));
    return out;
}

} // namespace

const char *teamName(int team)
{
    return kTeamSpellings[static_cast<std::size_t>(team)][0];
}

std::int64_t DemoAccount::dbuMilli(int node, int workers, bool photon) const
{
    const std::int64_t base = nodeTypes[node].dbuMilli * (1 + workers);
    return photon ? base * 2 : base;
}

QByteArray DemoAccount::clusterIdFor(std::int64_t createTime, quint64 key) const
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out;
    text::appendTimestamp(out, createTime); // YYYY-MM-DDTHH:MM:SS.000Z
    QByteArray id;
    id.append(out.constData() + 5, 2).append(out.constData() + 8, 2).append('-');
    id.append(out.constData() + 11, 2).append(out.constData() + 14, 2).append(out.constData() + 17, 2).append('-');
    quint64 h = hashKey(seed, static_cast<quint64>(Kind::Cluster), key);
    for (int i = 0; i < 8; ++i) {
        id.append(alphabet[h % 36]);
        h /= 36;
    }
    return id;
}

DemoAccount::DemoAccount(const DemoOptions &options, std::int64_t first, std::int64_t last, std::int64_t cut)
    : seed(options.seed), firstDay(first), lastDay(last), cutoff(cut)
{
    accountId = uuidFor(Kind::Account);
    const std::int64_t days = lastDay - firstDay + 1;
    const std::int64_t start = firstSecond();
    // A moment inside the generated range, on a whole minute, for configuration changes.
    auto momentIn = [&](DemoRandom &r, double from, double to) {
        const auto day = static_cast<std::int64_t>(static_cast<double>(days) * r.between(from, to));
        return start + day * kDay + r.range(8, 17) * kHour + r.range(0, 59) * 60;
    };
    auto momentBefore = [&](DemoRandom &r, int minDays, int maxDays) {
        return start - r.range(minDays, maxDays) * kDay + r.range(0, 86399);
    };

    nodeTypes = {
        {"m5d.large", 2, 8192, 0, 340},       {"i3.xlarge", 4, 31232, 0, 1000},
        {"m5d.2xlarge", 8, 32768, 0, 1370},   {"i3.2xlarge", 8, 62464, 0, 2000},
        {"r5d.4xlarge", 16, 131072, 0, 3600}, {"g5.2xlarge", 8, 32768, 1, 2860},
    };

    for (int i = 0; i < static_cast<int>(kPeople.size()); ++i) {
        DemoRandom r = DemoRandom::forKey(seed, Kind::User, i);
        users.append({QByteArray(kPeople[i]) + "@example.com", digits(r, 15), i % 8});
    }
    peopleCount = static_cast<int>(users.size());
    for (int i = 0; i < 3; ++i) {
        DemoRandom r = DemoRandom::forKey(seed, Kind::User, 100 + i);
        users.append({uuidFor(Kind::User, 100 + i), digits(r, 15), (i + 1) * 2 % 8});
    }
    auto personOf = [&](DemoRandom &r, int team) {
        for (int attempt = 0; attempt < 4; ++attempt) {
            const int u = r.index(peopleCount);
            if (users[u].team == team || attempt == 3)
                return u;
        }
        return 0;
    };
    auto principalOf = [&](DemoRandom &r) { return peopleCount + r.index(users.size() - peopleCount); };

    for (int w = 0; w < options.workspaces; ++w) {
        DemoRandom r = DemoRandom::forKey(seed, Kind::Workspace, w);
        const auto slot = static_cast<std::size_t>(w % 10);
        QByteArray name = kWorkspaceNames[slot];
        if (w >= 10)
            name += '-' + QByteArray::number(w / 10 + 1);
        const QByteArray url = "https://dbc-" + text::hex(r.next(), 8) + '-' + text::hex(r.next(), 4) + ".cloud.databricks.com";
        workspaces.append({digits(r, 16), name, url, momentBefore(r, 400, 1500), kWorkspaceTeams[slot]});
    }

    for (int w = 0; w < workspaces.size(); ++w) {
        const Workspace &ws = workspaces[w];
        for (int c = 0; c < 2; ++c) {
            DemoRandom r = DemoRandom::forKey(seed, Kind::Cluster, w, c);
            Cluster cl{};
            cl.workspace = w;
            cl.index = static_cast<int>(clusters.size());
            const int owner = personOf(r, ws.team);
            cl.owner = users[owner].name;
            const bool shared = c == 0;
            cl.name = shared ? "shared-" + QByteArray(teamName(ws.team)) + "-cluster"
                             : QByteArray(kPeople[owner]) + "'s Cluster";
            cl.securityMode = shared ? "USER_ISOLATION" : "SINGLE_USER";
            cl.photon = r.chance(0.4);
            cl.dbr = cl.photon ? "15.4.x-photon-scala2.12" : (r.chance(0.5) ? "15.4.x-scala2.12" : "14.3.x-scala2.12");
            cl.policyId = r.chance(0.5) ? text::hex(r.next(), 16).toUpper() : QByteArray();
            cl.tags = makeTags(r, ws.team, ws.name).render();
            cl.createTime = momentBefore(r, 20, 400);
            cl.driverNode = shared ? 3 : 1;
            cl.workerNode = shared ? r.index(2) + 3 : r.index(2) + 1;
            if (r.chance(0.5)) {
                cl.minWorkers = static_cast<int>(r.range(1, 2));
                cl.maxWorkers = static_cast<int>(r.range(4, 8));
            } else {
                cl.minWorkers = cl.maxWorkers = static_cast<int>(r.range(2, 4));
            }
            cl.maxWorkersAfterChange = cl.maxWorkers + 2;
            cl.autoTermination = static_cast<int>(std::array{30, 60, 120}[static_cast<std::size_t>(r.index(3))]);
            cl.useChance = r.between(0.75, 0.95);
            cl.id = clusterIdFor(cl.createTime, hashKey(w, c));
            if (days > 10 && r.chance(0.4))
                cl.changeTime = momentIn(r, 0.2, 0.8);
            // The classic idle-cost finding: a small cluster nobody set to terminate.
            if (w == 0 && c == 1) {
                cl.autoTermination = 0;
                cl.driverNode = cl.workerNode = 0;
                cl.minWorkers = cl.maxWorkers = cl.maxWorkersAfterChange = 1;
                cl.photon = false;
                cl.dbr = "14.3.x-scala2.12";
                cl.useChance = 1.0;
                cl.changeTime = 0;
            }
            clusters.append(cl);
        }
    }

    for (int w = 0; w < workspaces.size(); ++w) {
        const Workspace &ws = workspaces[w];
        QSet<QByteArray> names;
        for (int j = 0; j < options.jobsPerWorkspace; ++j) {
            DemoRandom r = DemoRandom::forKey(seed, Kind::Job, w, j);
            Job job{};
            job.workspace = w;
            job.index = static_cast<int>(jobs.size());
            job.id = digits(r, 15);
            const QByteArray base = QByteArray(kJobVerbs[static_cast<std::size_t>(r.index(kJobVerbs.size()))]) + '_'
                                    + kJobSubjects[static_cast<std::size_t>(r.index(kJobSubjects.size()))];
            QByteArray name = base;
            for (int n = 2; names.contains(name); ++n)
                name = base + "_v" + QByteArray::number(n);
            names.insert(name);
            job.name = name;
            const int team = r.chance(0.7) ? ws.team : r.index(8);
            const int creator = personOf(r, team);
            job.creatorId = users[creator].userId;
            job.runAs = r.chance(0.5) ? users[principalOf(r)].name : users[creator].name;
            job.description = "Maintained by " + QByteArray(teamName(team)) + ". Pages the on-call owner on failure.";
            Tags tags = makeTags(r, team, ws.name);
            job.tags = tags.render();
            job.tagsAfterChange = job.tags;
            job.createTime = momentBefore(r, 10, 600);
            if (days >= 10 && r.chance(0.1))
                job.createTime = momentIn(r, 0.05, 0.6);
            if (days >= 10 && r.chance(0.25)) {
                job.changeTime = std::max(job.createTime + kDay, momentIn(r, 0.3, 0.9));
                if (tags.team < 0) { // someone finally tagged it
                    tags.team = team;
                    job.tagsAfterChange = tags.render();
                }
            }
            if (w == 0 && j == options.jobsPerWorkspace - 1 && j >= 2 && days >= 15)
                job.deleteTime = momentIn(r, 0.66, 0.67);

            const bool onAllPurpose = j == 1 || (j == 4 && w % 2 == 0);
            job.compute = onAllPurpose ? JobCompute::AllPurpose : (r.chance(0.25) ? JobCompute::Serverless : JobCompute::JobCluster);
            job.cluster = w * 2; // the workspace's shared all-purpose cluster
            job.node = static_cast<int>(r.range(1, 4));
            job.workers = static_cast<int>(r.range(1, 8));
            job.photon = r.chance(0.3);
            job.serverlessDbuMilli = r.range(2, 16) * 1000 + r.range(0, 999);
            const double cadence = r.uniform();
            job.runsPerDay = cadence < 0.55 ? 1 : cadence < 0.7 ? 2 : cadence < 0.82 ? 4 : cadence < 0.9 ? 6 : 24;
            job.firstHour = job.runsPerDay == 1 ? static_cast<int>(r.range(0, 6)) : 0;
            job.minute = static_cast<int>(r.range(0, 11) * 5);
            const int maxMinutes = job.runsPerDay == 1 ? 150 : std::min(90, 24 * 60 / job.runsPerDay - 10);
            job.durationMinutes = static_cast<int>(r.range(job.runsPerDay == 24 ? 5 : 15, std::max(maxMinutes, 16)));
            job.growthPerDay = r.chance(0.12) ? r.between(0.008, 0.02) : 0.0;
            job.weekdaysOnly = r.chance(0.15);
            const auto taskCount = r.range(1, 4);
            const auto firstTask = r.range(0, static_cast<std::int64_t>(kTaskKeys.size()) - taskCount);
            for (auto t = firstTask; t < firstTask + taskCount; ++t)
                job.tasks.append(kTaskKeys[static_cast<std::size_t>(t)]);
            const int every = 24 / job.runsPerDay;
            const QByteArray hours = job.runsPerDay == 1 ? QByteArray::number(job.firstHour) : "0/" + QByteArray::number(every);
            const QByteArray cron = "0 " + QByteArray::number(job.minute) + ' ' + hours + (job.weekdaysOnly ? " ? * MON-FRI" : " * * ?");
            JsonDoc trigger;
            trigger.beginObject().raw("schedule", JsonDoc().beginObject().str("quartz_cron_expression", cron)
                                                     .str("timezone_id", "UTC").str("pause_status", "UNPAUSED").end());
            job.trigger = trigger.end();
            jobs.append(job);
        }
    }

    for (int w = 0; w < workspaces.size(); ++w) {
        const Workspace &ws = workspaces[w];
        DemoRandom count = DemoRandom::forKey(seed, Kind::Warehouse, w);
        const int n = count.chance(0.5) ? 2 : 1;
        for (int h = 0; h < n; ++h) {
            DemoRandom r = DemoRandom::forKey(seed, Kind::Warehouse, w, h);
            Warehouse wh{};
            wh.workspace = w;
            wh.index = static_cast<int>(warehouses.size());
            wh.id = text::hex(r.next(), 16);
            wh.name = kWarehouseNames[static_cast<std::size_t>((w + h * 3) % 6)];
            const bool serverless = h == 1;
            wh.type = serverless ? "SERVERLESS" : "PRO";
            const auto size = static_cast<std::size_t>(r.range(1, 3));
            wh.size = kWarehouseSizes[size].name;
            wh.dbuMilli = kWarehouseSizes[size].dbuMilli;
            wh.sizeAfterChange = kWarehouseSizes[size + 1].name;
            wh.dbuMilliAfterChange = kWarehouseSizes[size + 1].dbuMilli;
            wh.minClusters = 1;
            wh.maxClusters = static_cast<int>(r.range(1, 3));
            wh.autoStop = serverless ? static_cast<int>(r.range(1, 2)) * 5 : static_cast<int>(r.range(2, 4)) * 15;
            wh.openHour = static_cast<int>(r.range(7, 9));
            wh.closeHour = static_cast<int>(r.range(17, 20));
            wh.owner = users[personOf(r, ws.team)].name;
            wh.tags = makeTags(r, ws.team, ws.name).render();
            wh.createTime = momentBefore(r, 30, 500);
            if (days > 10 && r.chance(0.3))
                wh.changeTime = momentIn(r, 0.3, 0.8);
            warehouses.append(wh);
        }
    }

    for (int w = 0; w < workspaces.size(); ++w) {
        const Workspace &ws = workspaces[w];
        DemoRandom r = DemoRandom::forKey(seed, Kind::Pipeline, w);
        Pipeline p{};
        p.workspace = w;
        p.id = uuidFor(Kind::Pipeline, w);
        p.name = QByteArray("bronze_to_silver_") + kJobSubjects[static_cast<std::size_t>(r.index(kJobSubjects.size()))];
        p.creator = users[personOf(r, ws.team)].name;
        p.runAs = r.chance(0.6) ? users[principalOf(r)].name : p.creator;
        p.tags = makeTags(r, ws.team, ws.name).render();
        p.node = static_cast<int>(r.range(1, 3));
        p.workers = static_cast<int>(r.range(2, 6));
        p.updatesPerDay = std::array{1, 4, 6, 12}[static_cast<std::size_t>(r.index(4))];
        p.durationMinutes = static_cast<int>(r.range(10, std::min(45, 24 * 60 / p.updatesPerDay - 15)));
        p.photon = r.chance(0.5);
        p.createTime = momentBefore(r, 30, 300);
        pipelines.append(p);
    }

    for (int w = 0; w < workspaces.size(); ++w) {
        const Workspace &ws = workspaces[w];
        for (int k = 0; k < 3; ++k) {
            DemoRandom r = DemoRandom::forKey(seed, Kind::Notebook, w, k);
            Notebook nb{};
            nb.workspace = w;
            nb.index = static_cast<int>(notebooks.size());
            nb.id = digits(r, 16);
            nb.user = users[personOf(r, ws.team)].name;
            nb.path = "/Users/" + nb.user + '/' + kNotebookNames[static_cast<std::size_t>((w + k) % 6)];
            // Serverless usage carries tags only through a budget policy, which most users lack.
            if (r.chance(0.3)) {
                Tags t;
                t.team = ws.team;
                t.style = 0; // budget policies are set up once, by an admin, consistently
                nb.tags = t.render();
                nb.budgetPolicyId = uuidFor(Kind::Notebook, w, k);
            } else {
                nb.tags = "{}";
            }
            nb.dbuMilli = r.range(1000, 6000);
            notebooks.append(nb);
        }
    }

    vectorEndpointName = "rag-vector-search";
    vectorEndpointId = uuidFor(Kind::Vector);
}

} // namespace ll::demo
