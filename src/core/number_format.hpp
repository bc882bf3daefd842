#pragma once
// Numbers as the tables of every front end print them (CLI tables, print reports): one
// implementation so a figure reads the same on the terminal and on paper.

#include <string>

namespace caremap::core {

/// Fixed-point: format_fixed(12.345, 1) == "12.3".
std::string format_fixed(double value, int decimals);
/// Whole people with thousands separators: "97,123" (apportioned figures are rounded).
std::string format_people(double people);
/// 100 x part / whole; 0 when whole is 0 (no people, no area: nothing to share).
double percent(double part, double whole);
/// "12.3 %" of `whole` ("–" when whole is 0).
std::string format_share(double part, double whole);

}  // namespace caremap::core
