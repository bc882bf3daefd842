#pragma once
// The drill leader's summary per inject, printed by `caremap drill run` (Japanese by default):
// what the times stand on and that the patients are drill data, then per inject the patients
// placed and not placed (with reasons), mean and maximum travel time, each hospital's load
// against its beds (backup beds in use), hospitals above 80 %, and what changed since the
// inject before (patients moved, time added, hospitals now full).

#include <ostream>

#include "core/lang.hpp"
#include "drill/drill_run.hpp"

namespace caremap::cli {

void print_drill_summary(const drill::Scenario& scenario, const drill::DrillResult& result,
                         core::Lang lang, std::ostream& out);

}  // namespace caremap::cli
