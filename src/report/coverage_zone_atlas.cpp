#include "report/coverage_zone_atlas.hpp"

#include "core/number_format.hpp"
#include "report/report_parts.hpp"
#include "style/style.hpp"

namespace caremap::report {

namespace {

using core::Lang;

// The smallest side of a zone's map: a small zone still shows the facilities around it.
constexpr double kMinSide = 5000.0;
// Facilities named on a zone page; the rest are counted.
constexpr std::size_t kNamed = 12;

std::string people(double v) {
  return core::format_people(v);
}

class ZonePages {
 public:
  ZonePages(const CoverageReportInputs& in, const CoverageMap& map, const ZoneAtlasWords& words,
            const std::vector<std::string>& credits)
      : m_in(in), m_map(map), m_words(words), m_credits(credits), m_tr{in.lang} {}

  Page page(const ZoneAtlasPage& z) const {
    Page p;
    p.heading = m_tr("区域別：", "Zone: ") + z.name;
    p.blocks.push_back(zone_map(z));
    if (m_in.demand) {
      p.blocks.push_back(people_table(z));
    }
    p.blocks.push_back(words(z));
    p.credits = m_credits;
    add_credits(p.credits, z.zone->provenance.inputs);
    return p;
  }

 private:
  std::string beyond_without() const {
    return m_tr("区域内の施設を失ったとき圏外", "Beyond reach without the zone's facilities");
  }

  MapBlock zone_map(const ZoneAtlasPage& z) const {
    std::vector<MapLayer> overlays;
    MapLayer zone = map_layer(z.zone, m_tr("区域：", "Zone: ") + z.name);
    zone.style.color = style::okabe_ito::blue;
    zone.style.labels = false;
    overlays.push_back(std::move(zone));
    if (m_in.demand && !z.figures.lost_points.empty()) {
      overlays.push_back(lost_cells(z));
    }
    const std::string caption =
        m_in.lang == Lang::ja
            ? z.name + "：区域・区域内の" + m_words.what + "・" + m_words.radius + "圏と空白地域"
            : z.name + ": the zone, the facilities inside it (" + m_words.what + "), the " +
                  m_words.radius + " reach and gaps";
    MapBlock m = m_map(extent(z), std::move(overlays), caption);
    if (!z.figures.inside.empty()) {
      m.layers.push_back(inside_layer(z));
    }
    return m;
  }

  core::Box extent(const ZoneAtlasPage& z) const {
    const core::Box b = z.zone->bounds().value_or(core::Box{{0, 0}, {kMinSide, kMinSide}});
    return at_least(padded(b, 0.15), kMinSide);
  }

  // The pieces within reach today that fall beyond it without the zone's facilities.
  MapLayer lost_cells(const ZoneAtlasPage& z) const {
    auto l = std::make_shared<core::Layer>();
    l->id = "zone_lost_cells";
    l->category = core::Category::mesh;
    l->crs = z.zone->crs;
    l->fields = {{"label", core::FieldType::text}};
    for (const std::uint32_t i : z.figures.lost_points) {
      const analysis::DemandPoint& p = m_in.demand->points.at(i);
      core::Feature f;
      f.geometry = p.shape;
      f.category = core::Category::mesh;
      f.values = {p.label};
      l->features.push_back(std::move(f));
    }
    MapLayer m = map_layer(l, m_tr("区域内の施設を失うと圏外になるメッシュ",
                                   "Cells beyond reach without the zone's facilities"));
    m.style.color = style::rgb(0xCC79A7, 210);
    m.style.labels = false;
    return m;
  }

  // The facilities inside the zone, marked over the ordinary facility symbols.
  MapLayer inside_layer(const ZoneAtlasPage& z) const {
    auto l = std::make_shared<core::Layer>();
    l->id = "zone_facilities";
    l->category = core::Category::other;
    l->crs = z.zone->crs;
    l->fields = {{"name", core::FieldType::text}};
    l->name_field = 0;
    for (const std::uint32_t f : z.figures.inside) {
      const analysis::ReachDisc& d = m_in.zone_discs.at(f);
      core::Feature feature;
      feature.geometry = d.position;
      feature.category = core::Category::other;
      feature.values = {d.name};
      l->features.push_back(std::move(feature));
    }
    MapLayer m = map_layer(l, m_tr("区域内の", "") + m_words.what +
                                  m_tr("（失われると仮定）", " inside the zone (taken as lost)"));
    style::LayerStyle& s = m.style;
    s.color = style::okabe_ito::reddish_purple;
    s.size_px = 15.0f;
    s.labels = false;
    return m;
  }

  TableBlock people_table(const ZoneAtlasPage& z) const {
    const analysis::ZoneReach& f = z.figures;
    const bool ages = m_in.demand->has_age_bands;
    TableBlock t;
    t.caption = m_tr("区域内の人口と圏外の人口", "People in the zone, and beyond reach");
    t.headers = {m_tr("市", "City"), m_tr("区域内の人口", "In the zone"),
                 m_tr("圏外（現状）", "Beyond reach today"), beyond_without()};
    if (ages) {
      t.headers.insert(
          t.headers.end(),
          {m_tr("65歳以上", "65+"), m_tr("65歳以上 圏外（喪失時）", "65+ beyond, lost"),
           m_tr("75歳以上", "75+"), m_tr("75歳以上 圏外（喪失時）", "75+ beyond, lost")});
    }
    t.align.assign(t.headers.size(), Align::right);
    t.align[0] = Align::left;
    const auto row = [&](const std::string& name, const analysis::PeopleCount& in,
                         const analysis::PeopleCount& today, const analysis::PeopleCount& lost) {
      std::vector<std::string> cells{
          name, people(in.people), people(today.people),
          people(lost.people) + m_tr.bracketed(core::format_share(lost.people, in.people))};
      if (ages) {
        cells.insert(cells.end(), {people(in.people_65plus), people(lost.people_65plus),
                                   people(in.people_75plus), people(lost.people_75plus)});
      }
      t.rows.push_back(std::move(cells));
    };
    for (std::size_t c = 0; c < m_in.demand->cities.size() && c < f.people_by_city.size(); ++c) {
      if (f.people_by_city[c].people > 0.0) {
        row(m_in.demand->cities[c], f.people_by_city[c], f.beyond_today_by_city[c],
            f.beyond_without_zone_by_city[c]);
      }
    }
    row(m_tr("計", "All"), f.people, f.beyond_today, f.beyond_without_zone);
    t.last_row_is_total = true;
    return t;
  }

  TextBlock words(const ZoneAtlasPage& z) const {
    const analysis::ZoneReach& f = z.figures;
    TextBlock t;
    t.heading = m_tr("区域内の施設と数え方", "Facilities in the zone, and how the figures count");
    std::string names;
    for (std::size_t k = 0; k < f.inside.size() && k < kNamed; ++k) {
      const std::string& n = m_in.zone_discs.at(f.inside[k]).name;
      names += (names.empty() ? "" : m_tr("、", ", ")) + (n.empty() ? "?" : n);
    }
    if (f.inside.size() > kNamed) {
      names += m_tr("ほか ", " and ") + std::to_string(f.inside.size() - kNamed) +
               m_tr(" か所", " more");
    }
    t.paragraphs.push_back(
        f.inside.empty() ? m_tr("区域内に", "No ") + m_words.what +
                               m_tr("はありません（区域外の施設だけで数えても変わりません）。",
                                    " lies inside the zone: losing it changes nothing here.")
                         : m_tr("区域内の", "") + m_words.what + m_tr("：", " inside the zone: ") +
                               std::to_string(f.inside.size()) + m_tr(" か所（", " (") + names +
                               m_tr("）。", ")."));
    if (m_in.demand && f.people.people > 0.0) {
      const double added = f.beyond_without_zone.people - f.beyond_today.people;
      t.paragraphs.push_back(
          m_in.lang == Lang::ja
              ? "区域内の施設がすべて使えなくなると、区域内の " + people(f.people.people) +
                    " 人のうち " + people(f.beyond_without_zone.people) + " 人（" +
                    core::format_share(f.beyond_without_zone.people, f.people.people) +
                    "）が圏外になります（現状の圏外 " + people(f.beyond_today.people) + " 人から " +
                    people(added) + " 人増）。"
              : "With every facility inside the zone lost, " +
                    people(f.beyond_without_zone.people) + " of the " + people(f.people.people) +
                    " people in the zone (" +
                    core::format_share(f.beyond_without_zone.people, f.people.people) +
                    ") are beyond reach (" + people(f.beyond_today.people) + " today, " +
                    people(added) + " more).");
    }
    t.paragraphs.push_back(
        m_tr("数え方：区域内の人口は、メッシュ片を区域と重なる面積の割合で数えたもの。圏外は、"
             "メッシュ片の重心から各施設の半径（",
             "How this counts: people in the zone are the census cell pieces by the share of "
             "their area inside it. Beyond reach: no facility within its radius (") +
        m_words.radius +
        m_tr(
            "、直線距離）以内に施設がない人。「区域内の施設を失ったとき」は、区域内（境界上を含む）"
            "の施設がすべて使えないと仮定し、区域外の施設だけで判定する。直線距離なので、道路の通"
            "行止めはこの数値を変えない（道路での影響は caremap plan n-1 --hazard）。",
            ", straight line) of the piece's centroid. \"Without the zone's facilities\": every "
            "facility inside the zone (or on its edge) is taken as lost and only those outside "
            "count. Straight lines ignore road closures (by road: caremap plan n-1 --hazard)."));
    return t;
  }

  const CoverageReportInputs& m_in;
  const CoverageMap& m_map;
  const ZoneAtlasWords& m_words;
  const std::vector<std::string>& m_credits;
  Tr m_tr;
};

}  // namespace

std::vector<Page> zone_atlas_pages(const CoverageReportInputs& in, const CoverageMap& map,
                                   const ZoneAtlasWords& words,
                                   const std::vector<std::string>& credits) {
  const ZonePages b(in, map, words, credits);
  std::vector<Page> pages;
  for (const ZoneAtlasPage& z : in.zones) {
    pages.push_back(b.page(z));
  }
  return pages;
}

}  // namespace caremap::report
