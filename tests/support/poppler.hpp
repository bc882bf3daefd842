#pragma once
// poppler-utils (pdftotext, pdfinfo, pdftoppm) from the tests: what a reader of the PDF sees.
// The report tests skip their PDF checks with a message when the tools are not installed.

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace caremap::test {

/// True when `tool` runs (found on PATH).
inline bool have_tool(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

/// The poppler tools the report tests need, or the message to skip with.
inline std::optional<std::string> missing_poppler() {
  for (const char* t : {"pdftotext", "pdfinfo", "pdftoppm"}) {
    if (!have_tool(t)) {
      return std::string("skipped: ") + t + " not found (apt-get install poppler-utils)";
    }
  }
  return std::nullopt;
}

/// Ends the test case with a warning when poppler-utils is missing.
#define CAREMAP_SKIP_WITHOUT_POPPLER()                           \
  if (const auto missing = ::caremap::test::missing_poppler()) { \
    WARN(*missing);                                              \
    return;                                                      \
  }

/// Standard output of a shell command; nullopt when it fails.
inline std::optional<std::string> run_command(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    return std::nullopt;
  }
  std::string out;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) {
    out.append(buf.data(), n);
  }
  return pclose(pipe) == 0 ? std::optional<std::string>(out) : std::nullopt;
}

inline std::string quoted(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

/// pdftotext of every page, or of page `page` (1-based) only, UTF-8.
inline std::string pdf_text(const std::filesystem::path& pdf, int page = 0) {
  const std::string pages =
      page > 0 ? "-f " + std::to_string(page) + " -l " + std::to_string(page) + " " : "";
  return run_command("pdftotext -enc UTF-8 " + pages + quoted(pdf) + " -").value_or("");
}

/// pdfinfo's output ("Pages: 10", "Page size: 595 x 842 pts (A4)", ...).
inline std::string pdf_info(const std::filesystem::path& pdf) {
  return run_command("pdfinfo " + quoted(pdf)).value_or("");
}

/// An RGB raster of one page.
struct Raster {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgb;  ///< row-major, 3 bytes a pixel
  std::array<int, 3> at(int x, int y) const {
    const std::size_t i = 3 * (static_cast<std::size_t>(y) * width + x);
    return {rgb[i], rgb[i + 1], rgb[i + 2]};
  }
};

/// Page `page` of `pdf` rasterised by pdftoppm at `dpi` (PPM, read back here).
inline std::optional<Raster> pdf_page_raster(const std::filesystem::path& pdf, int page, int dpi,
                                             const std::filesystem::path& scratch_prefix) {
  const std::string cmd = "pdftoppm -r " + std::to_string(dpi) + " -f " + std::to_string(page) +
                          " -l " + std::to_string(page) + " -singlefile " + quoted(pdf) + " " +
                          quoted(scratch_prefix);
  if (!run_command(cmd)) {
    return std::nullopt;
  }
  std::ifstream in(scratch_prefix.string() + ".ppm", std::ios::binary);
  std::string magic;
  int maxval = 0;
  Raster r;
  in >> magic >> r.width >> r.height >> maxval;
  in.get();
  if (magic != "P6" || maxval != 255 || r.width <= 0 || r.height <= 0) {
    return std::nullopt;
  }
  r.rgb.resize(static_cast<std::size_t>(r.width) * r.height * 3);
  in.read(reinterpret_cast<char*>(r.rgb.data()), static_cast<std::streamsize>(r.rgb.size()));
  return in ? std::optional<Raster>(r) : std::nullopt;
}

}  // namespace caremap::test
