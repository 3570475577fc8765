#pragma once

// The views' snapshot loaders, one header each; this header gathers them for callers that use
// several. Each loader returns plain values: the UI runs it on a worker thread with its own
// read connection and swaps the result into models on the GUI thread.

#include "reports/auditlist.h"
#include "reports/datahealth.h"
#include "reports/insightlist.h"
#include "reports/overview.h"
