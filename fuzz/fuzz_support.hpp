#pragma once
// What every libFuzzer target shares: the input written to a real file (the readers take paths
// and check them as a user's file is checked), GDAL and PROJ quiet, and the one rule of these
// targets: a reader may reject any input with a caremap error (core::Error: InputError and its
// kin, which the front ends turn into a message naming the file), and must do nothing else: a
// crash, a hang, a leak, a sanitizer report or any other exception is a finding.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace caremap::fuzz {

/// `bytes` written to <per-process temporary folder>/<name> (overwritten on every call), so
/// that a reader sees a file with the extension it expects. The folder is under $TMPDIR and
/// removed at exit.
std::filesystem::path write_input(std::string_view name, const std::uint8_t* data,
                                  std::size_t size);

/// GDAL's drivers registered and its error printing off (CPL messages stay collected by the
/// readers' own handler); PROJ's search path and logging set once. Call from
/// LLVMFuzzerInitialize.
void init_quiet_libraries();

/// Runs `read`; returns normally if it returned or threw a core::Error. Anything else escapes
/// to libFuzzer, which reports it with the input.
template <typename F>
void expect_caremap_errors_only(F&& read) {
  try {
    read();
  } catch (const core::Error&) {
    // Rejected with a message naming the file: what a reader must do with a bad file.
  }
}

}  // namespace caremap::fuzz
