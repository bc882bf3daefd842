#include "crs/crs_ref.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/error.hpp"
#include "crs/proj_context.hpp"

namespace caremap::crs {

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) ==
                  std::tolower(static_cast<unsigned char>(b));
         });
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// PROJ reads a bare "+proj=..." string as a coordinate operation, not a CRS; +type=crs makes it a
// CRS so it can be a source or target of a transformation.
std::string as_crs_definition(std::string text) {
  if (text.rfind("+proj", 0) == 0 && text.find("+type=crs") == std::string::npos) {
    text += " +type=crs";
  }
  if (starts_with_ci(text, "epsg:")) {
    text = "EPSG:" + text.substr(5);
  }
  return text;
}

// A bound CRS (e.g. a PROJ string with +towgs84) wraps the CRS whose kind we want.
detail::PjPtr source_of_bound(PJ_CONTEXT* ctx, detail::PjPtr crs) {
  if (crs && proj_get_type(crs.get()) == PJ_TYPE_BOUND_CRS) {
    return detail::PjPtr(proj_get_source_crs(ctx, crs.get()));
  }
  return crs;
}

detail::PjPtr create_or_throw(PJ_CONTEXT* ctx, const std::string& definition) {
  detail::PjPtr crs = detail::create(ctx, definition);
  if (!crs || proj_is_crs(crs.get()) == 0) {
    // A context's error code outlives the call that set it (PROJ clears it on no success), so
    // the thread's shared context may still hold an earlier failure: ask a fresh one why.
    const detail::ContextPtr fresh = detail::make_context();
    const detail::PjPtr again = detail::create(fresh.get(), definition);
    const std::string why =
        again ? std::string("a PROJ object, but not a CRS") : detail::last_error(fresh.get());
    throw core::ArgumentError("not a coordinate reference system PROJ understands: '" + definition +
                              "' (" + why + ")");
  }
  return crs;
}

}  // namespace

CrsRef CrsRef::wgs84() {
  return CrsRef{"EPSG:4326", 4326, "WGS 84"};
}

CrsRef CrsRef::from_epsg(int code) {
  return parse("EPSG:" + std::to_string(code));
}

CrsRef CrsRef::parse(std::string_view text, std::string name) {
  const std::string definition = as_crs_definition(trim(text));
  if (definition.empty()) {
    throw core::ArgumentError("empty CRS definition");
  }
  PJ_CONTEXT* const ctx = detail::thread_context();
  const detail::PjPtr crs = create_or_throw(ctx, definition);

  CrsRef out;
  out.definition = definition;
  const char* auth = proj_get_id_auth_name(crs.get(), 0);
  const char* code = proj_get_id_code(crs.get(), 0);
  if (auth != nullptr && code != nullptr && std::strcmp(auth, "EPSG") == 0) {
    out.epsg = std::stoi(code);
    out.definition = "EPSG:" + std::string(code);
  }
  if (!name.empty()) {
    out.name = std::move(name);
  } else if (const char* proj_name = proj_get_name(crs.get());
             proj_name != nullptr && std::strcmp(proj_name, "unknown") != 0) {
    out.name = proj_name;
  }
  return out;
}

std::string CrsRef::short_label() const {
  if (epsg) {
    return "EPSG:" + std::to_string(*epsg);
  }
  if (!name.empty() && name != "unknown") {
    return name;
  }
  // A WKT definition is far too long for a message; PROJ strings are readable as they are.
  return definition.rfind("+proj", 0) == 0 ? definition : std::string("custom CRS (WKT)");
}

CrsInfo inspect(const CrsRef& crs_ref) {
  PJ_CONTEXT* const ctx = detail::thread_context();
  detail::PjPtr crs = source_of_bound(ctx, create_or_throw(ctx, crs_ref.definition));
  CrsInfo info;
  const PJ_TYPE type = proj_get_type(crs.get());
  info.geographic = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  info.projected = type == PJ_TYPE_PROJECTED_CRS;
  if (info.projected) {
    const detail::PjPtr cs(proj_crs_get_coordinate_system(ctx, crs.get()));
    double factor = 0.0;
    if (cs && proj_cs_get_axis_info(ctx, cs.get(), 0, nullptr, nullptr, nullptr, &factor, nullptr,
                                    nullptr, nullptr) != 0) {
      info.unit_to_m = factor;
    }
  }
  return info;
}

bool is_metric_projected(const CrsRef& crs) {
  const CrsInfo info = inspect(crs);
  return info.projected && info.unit_to_m == 1.0;
}

}  // namespace caremap::crs
