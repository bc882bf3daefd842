#pragma once
// Draws a Report onto pages: a header (report title, subtitle, date, page heading), the blocks
// top to bottom (maps and histograms share the height the others leave), and a footer with every
// credit line the page's layers and figures require, the software and the page number.
// Writes no file: the bytes go back to the caller (the CLI writes them through io::AtomicFile).

#include <string>
#include <vector>

#include "report/document.hpp"
#include "report/page_setup.hpp"

namespace caremap::report {

/// One output file's bytes. A PDF holds every page; SVG and PNG have one file per page.
struct RenderedFile {
  std::size_t first_page = 1;  ///< 1-based page of this file
  std::string bytes;
};

/// Where a map frame went: its page (1-based), its rectangle in points (y down from the page's
/// top) and the part of the world it shows (working CRS). Lets a caller (or a test) find a
/// feature on the page.
struct PlacedMap {
  std::size_t page = 1;
  double x_pt = 0.0;
  double y_pt = 0.0;
  double width_pt = 0.0;
  double height_pt = 0.0;
  core::Box world;
};

struct RenderedReport {
  std::vector<RenderedFile> files;
  std::vector<PlacedMap> maps;
};

/// Renders every page of `report`. Throws core::OutputError when the IPAex Gothic font is
/// missing or Cairo fails (the message says which). Cost: a few ms per page plus the features
/// drawn (only those whose box meets a map frame).
RenderedReport render_report(const Report& report, const PageSetup& setup);

}  // namespace caremap::report
