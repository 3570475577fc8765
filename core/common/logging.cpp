#include "logging.h"

Q_LOGGING_CATEGORY(lcStore, "lakeledger.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPipeline, "lakeledger.pipeline", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIngest, "lakeledger.ingest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "lakeledger.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReports, "lakeledger.reports", QtInfoMsg)
