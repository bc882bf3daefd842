// The home-care team layers of both regions as shipped: visiting-nurse stations, care-manager
// offices and home-help offices. Counts per city, every office inside the city it names, the
// inspector fields, the credit line, and the two quirks kept visible.

#include <catch2/catch.hpp>
#include <map>

#include "io/io_test_support.hpp"
#include "io/region.hpp"

using namespace caremap;

namespace {

const core::Layer& boundary(const io::Region& r) {
  return *r.require("boundary").layer;
}

// The boundary feature holding the point, by its display name; "" if none.
std::string city_of(const io::Region& r, core::XY p) {
  const core::Layer& b = boundary(r);
  for (std::uint32_t i = 0; i < b.size(); ++i) {
    if (const auto* mp = std::get_if<core::MultiPolygon>(&b.features[i].geometry);
        mp && core::bg::covered_by(p, *mp)) {
      return b.display_name(core::FeatureId{i});
    }
    if (const auto* poly = std::get_if<core::Polygon>(&b.features[i].geometry);
        poly && core::bg::covered_by(p, *poly)) {
      return b.display_name(core::FeatureId{i});
    }
  }
  return {};
}

// Offices per city found by point in polygon; every point must lie in the city its own "city"
// column names (when the file has one).
std::map<std::string, std::size_t> per_city(const io::Region& r, const std::string& layer_id) {
  const core::Layer& l = *r.require(layer_id).layer;
  const auto named = l.field_index("city");
  std::map<std::string, std::size_t> out;
  for (std::uint32_t i = 0; i < l.size(); ++i) {
    const auto* p = std::get_if<core::XY>(&l.features[i].geometry);
    REQUIRE(p != nullptr);
    const std::string city = city_of(r, *p);
    INFO(layer_id << ": " << l.display_name(core::FeatureId{i}));
    CHECK_FALSE(city.empty());
    if (named) {
      CHECK(core::to_text(l.features[i].values[*named]) == city);
    }
    ++out[city];
  }
  return out;
}

std::string note_of(const core::Layer& l, const std::string& name) {
  const auto note = l.require_field(io::kMarkField);
  for (std::uint32_t i = 0; i < l.size(); ++i) {
    if (l.display_name(core::FeatureId{i}) == name) {
      return core::to_text(l.features[i].values[note]);
    }
  }
  FAIL("no feature named " << name);
  return {};
}

}  // namespace

TEST_CASE("Munakata and Fukutsu: the home-care offices per city, each inside its city",
          "[io][region][team]") {
  const io::Region r = io::open_region(io::find_project("munakata-fukutsu"));
  using Counts = std::map<std::string, std::size_t>;
  CHECK(per_city(r, "visiting_nurse") == Counts{{"宗像市", 12}, {"福津市", 9}});
  CHECK(per_city(r, "care_managers") == Counts{{"宗像市", 24}, {"福津市", 15}});
  CHECK(per_city(r, "home_help") == Counts{{"宗像市", 21}, {"福津市", 14}});
  CHECK(r.require("visiting_nurse").layer->category == core::Category::visiting_nurse_station);
  CHECK(r.require("care_managers").layer->category == core::Category::care_manager_office);
  CHECK(r.require("home_help").layer->category == core::Category::home_help_office);

  // The inspector fields under their Japanese titles.
  for (const char* id : {"visiting_nurse", "care_managers", "home_help"}) {
    const core::Layer& l = *r.require(id).layer;
    INFO(id);
    for (const char* field : {"事業所番号", "電話番号", "URL", "所在地"}) {
      CHECK(l.field_index(field).has_value());
    }
    CHECK(l.provenance.inputs.at(0).credit ==
          "介護サービス情報公表システム（厚生労働省）のデータを基に作成");
  }
  CHECK(r.require("care_managers").layer->field_index("運営法人").has_value());

  // The quirks: kept, marked in 注記, and reported.
  const auto& vn = r.require("visiting_nurse");
  CHECK_THAT(note_of(*vn.layer, "林外科・内科クリニック"), Catch::Contains("みなし指定"));
  CHECK_THAT(note_of(*vn.layer, "医療法人　庄正会　訪問看護ステーションはちすが"),
             Catch::Contains("概略"));
  CHECK(note_of(*vn.layer, "在宅看護センターミモザ").empty());
  CHECK(vn.diagnostics.count("clinic_visiting_nursing") == 1);
  CHECK(vn.diagnostics.count("approximate_location") == 1);
  CHECK(vn.diagnostics.count(core::Severity::warning) == 0);
}

TEST_CASE("Itabashi: visiting nurses and care managers inside the ward", "[io][region][team]") {
  const io::Region r = io::open_region(io::find_project("itabashi"));
  using Counts = std::map<std::string, std::size_t>;
  CHECK(per_city(r, "visiting_nurse") == Counts{{"板橋区", 74}});
  CHECK(per_city(r, "care_managers") == Counts{{"板橋区", 114}});
  CHECK(r.find("home_help") == nullptr);  // no home-help file for 板橋区
  const auto& vn = r.require("visiting_nurse");
  CHECK(vn.diagnostics.count("clinic_visiting_nursing") == 2);
  CHECK_THAT(note_of(*vn.layer, "医療法人社団　桐心会　林クリニック"),
             Catch::Contains("みなし指定"));
  CHECK(vn.layer->field_index("事業所番号").has_value());
}
