#include "crs/transformer.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "core/error.hpp"
#include "crs/proj_context.hpp"

namespace caremap::crs {

struct Transformer::Impl {
  CrsRef source;
  CrsRef target;
  // Declared before the PJ so it is destroyed after it.
  detail::ContextPtr ctx;
  detail::PjPtr pj;

  static std::unique_ptr<Impl> build(CrsRef source, CrsRef target);
  std::optional<core::XY> trans(core::XY p, PJ_DIRECTION dir);
  [[noreturn]] void fail(core::XY p, PJ_DIRECTION dir) const;
};

namespace {

bool finite(double v) {
  return std::isfinite(v) && v != HUGE_VAL && v != -HUGE_VAL;
}

std::string point_text(core::XY p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "(%.9g, %.9g)", p.x, p.y);
  return buf;
}

template <class Range>
void transform_range(Transformer& t, Range& points) {
  if (!points.empty()) {
    t.transform_in_place(std::span<core::XY>(&*points.begin(), points.size()));
  }
}

}  // namespace

namespace {

// PROJ's search for the best operation between two CRSs (proj_create_crs_to_crs: database
// queries, candidate pipelines) costs milliseconds; a region opens a dozen layers between the
// same two CRSs. The first build between a pair is kept here as a template in a context of its
// own, and later builds clone it into their own context: proj_clone rebuilds each candidate
// operation with its area of use (the choice among them is still made point by point) without
// searching the database again. Guarded by a mutex: a PJ may be read by one thread at a time.
// The candidates are those found by the first build of the process: a grid installed while it
// runs is used from the next run on.
// Bounded: a session meets a handful of CRS pairs, but a file can name any CRS, and a process
// reading many (the GeoJSON fuzzer: each mutated EPSG code a new pair, each template with a
// context of its own) grew without end. The first kMaxTemplates pairs are kept; later ones are
// built as before and not kept. All templates share one context (the mutex serialises its use).
class TemplateCache {
 public:
  detail::PjPtr clone_into(PJ_CONTEXT* ctx, const std::string& source, const std::string& target) {
    const std::lock_guard lock(m_mutex);
    const auto it = m_templates.find({source, target});
    if (it == m_templates.end()) {
      return nullptr;
    }
    return detail::PjPtr(proj_clone(ctx, it->second.get()));
  }

  /// Held while a pair is searched for, so that threads needing the same pair at once (a
  /// region's layers are read side by side, each from WGS 84 to the working CRS) wait for the
  /// first search and clone its result instead of each searching the database for 5-10 ms.
  /// Searches for different pairs wait for each other too: a run meets a handful of pairs.
  std::mutex& build_mutex() { return m_build_mutex; }

  /// No room for another template: a search is then not worth waiting for.
  bool full() {
    const std::lock_guard lock(m_mutex);
    return m_templates.size() >= kMaxTemplates;
  }

  void keep(const std::string& source, const std::string& target, PJ* built) {
    const std::lock_guard lock(m_mutex);
    if (m_templates.size() >= kMaxTemplates || m_templates.contains({source, target})) {
      return;
    }
    if (!m_ctx) {
      m_ctx = detail::make_context();
    }
    detail::PjPtr kept(proj_clone(m_ctx.get(), built));
    if (kept) {
      m_templates.emplace(std::make_pair(source, target), std::move(kept));
    }
  }

 private:
  static constexpr std::size_t kMaxTemplates = 32;
  std::mutex m_mutex;
  std::mutex m_build_mutex;
  detail::ContextPtr m_ctx;  // declared before the templates so it is destroyed after them
  std::map<std::pair<std::string, std::string>, detail::PjPtr> m_templates;
};

TemplateCache& template_cache() {
  static TemplateCache cache;
  return cache;
}

}  // namespace

std::unique_ptr<Transformer::Impl> Transformer::Impl::build(CrsRef source, CrsRef target) {
  auto impl = std::make_unique<Impl>();
  impl->source = std::move(source);
  impl->target = std::move(target);
  if (impl->source == impl->target) {
    return impl;  // identity: no PROJ object (building one costs milliseconds)
  }
  const std::string& from = impl->source.definition;
  const std::string& to = impl->target.definition;
  impl->ctx = detail::make_context();
  TemplateCache& cache = template_cache();
  impl->pj = cache.clone_into(impl->ctx.get(), from, to);
  std::unique_lock<std::mutex> building;
  if (!impl->pj && !cache.full()) {
    building = std::unique_lock(cache.build_mutex());
    impl->pj = cache.clone_into(impl->ctx.get(), from, to);  // another thread may have built it
  }
  if (!impl->pj) {
    detail::PjPtr raw(proj_create_crs_to_crs(impl->ctx.get(), from.c_str(), to.c_str(), nullptr));
    if (raw) {
      impl->pj.reset(proj_normalize_for_visualization(impl->ctx.get(), raw.get()));
    }
    if (!impl->pj) {
      throw core::ArgumentError("cannot transform from " + impl->source.short_label() + " to " +
                                impl->target.short_label() + ": " +
                                detail::last_error(impl->ctx.get()));
    }
    cache.keep(from, to, impl->pj.get());
  }
  return impl;
}

void Transformer::Impl::fail(core::XY p, PJ_DIRECTION dir) const {
  const CrsRef& from = dir == PJ_FWD ? source : target;
  const CrsRef& to = dir == PJ_FWD ? target : source;
  const int err = pj ? proj_errno(pj.get()) : 0;
  const char* text = err != 0 ? proj_context_errno_string(ctx.get(), err) : nullptr;
  throw core::InputError("cannot transform " + point_text(p) + " from " + from.short_label() +
                         " to " + to.short_label() + (text ? std::string(": ") + text : ""));
}

std::optional<core::XY> Transformer::Impl::trans(core::XY p, PJ_DIRECTION dir) {
  if (!pj) {  // identity
    return finite(p.x) && finite(p.y) ? std::optional(p) : std::nullopt;
  }
  proj_errno_reset(pj.get());
  const PJ_COORD out = proj_trans(pj.get(), dir, proj_coord(p.x, p.y, 0.0, HUGE_VAL));
  if (!finite(out.xy.x) || !finite(out.xy.y)) {
    return std::nullopt;
  }
  return core::XY{out.xy.x, out.xy.y};
}

Transformer::Transformer(CrsRef source, CrsRef target)
    : m_impl(Impl::build(std::move(source), std::move(target))) {}

Transformer Transformer::from_wgs84(const CrsRef& working) {
  return Transformer(CrsRef::wgs84(), working);
}

Transformer Transformer::clone() const {
  return Transformer(m_impl->source, m_impl->target);
}

Transformer::Transformer(Transformer&& other) noexcept = default;
Transformer& Transformer::operator=(Transformer&& other) noexcept = default;
Transformer::~Transformer() = default;

const CrsRef& Transformer::source() const {
  return m_impl->source;
}
const CrsRef& Transformer::target() const {
  return m_impl->target;
}
bool Transformer::is_identity() const {
  return m_impl->source == m_impl->target;
}

core::XY Transformer::transform(core::XY p) {
  if (auto out = m_impl->trans(p, PJ_FWD)) {
    return *out;
  }
  m_impl->fail(p, PJ_FWD);
}

core::XY Transformer::inverse_transform(core::XY p) {
  if (auto out = m_impl->trans(p, PJ_INV)) {
    return *out;
  }
  m_impl->fail(p, PJ_INV);
}

std::optional<core::XY> Transformer::try_transform(core::XY p) noexcept {
  return m_impl->trans(p, PJ_FWD);
}

void Transformer::transform_in_place(std::span<core::XY> points) {
  if (points.empty() || is_identity()) {
    return;
  }
  // Keep the originals only to name a failing point in the error.
  PJ* pj = m_impl->pj.get();
  proj_errno_reset(pj);
  const std::size_t n = points.size();
  std::vector<core::XY> before(points.begin(), points.end());
  proj_trans_generic(pj, PJ_FWD, &points[0].x, sizeof(core::XY), n, &points[0].y, sizeof(core::XY),
                     n, nullptr, 0, 0, nullptr, 0, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (!finite(points[i].x) || !finite(points[i].y)) {
      m_impl->fail(before[i], PJ_FWD);
    }
  }
}

std::vector<std::size_t> Transformer::try_transform_in_place(std::span<core::XY> points) {
  std::vector<std::size_t> failed;
  if (points.empty() || is_identity()) {
    return failed;
  }
  PJ* pj = m_impl->pj.get();
  proj_errno_reset(pj);
  const std::size_t n = points.size();
  proj_trans_generic(pj, PJ_FWD, &points[0].x, sizeof(core::XY), n, &points[0].y, sizeof(core::XY),
                     n, nullptr, 0, 0, nullptr, 0, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (!finite(points[i].x) || !finite(points[i].y)) {
      points[i] = core::XY{std::nan(""), std::nan("")};
      failed.push_back(i);
    }
  }
  return failed;
}

std::string Transformer::failure_message(core::XY source_point) const {
  return "cannot transform " + point_text(source_point) + " from " + m_impl->source.short_label() +
         " to " + m_impl->target.short_label();
}

core::Geometry Transformer::transform(const core::Geometry& g) {
  core::Geometry out = g;
  struct Visitor {
    Transformer& t;
    void operator()(std::monostate&) const {}
    void operator()(core::XY& p) const { p = t.transform(p); }
    void operator()(core::MultiPoint& mp) const { transform_range(t, mp); }
    void operator()(core::LineString& l) const { transform_range(t, l); }
    void operator()(core::MultiLineString& ml) const {
      for (auto& l : ml) {
        transform_range(t, l);
      }
    }
    void operator()(core::Polygon& p) const {
      transform_range(t, p.outer());
      for (auto& ring : p.inners()) {
        transform_range(t, ring);
      }
    }
    void operator()(core::MultiPolygon& mp) const {
      for (auto& p : mp) {
        (*this)(p);
      }
    }
  };
  std::visit(Visitor{*this}, out);
  return out;
}

core::XY Transformer::forward(core::LonLat p) {
  return transform(core::XY{p.lon, p.lat});
}

core::LonLat Transformer::inverse(core::XY p) {
  const core::XY out = inverse_transform(p);
  return core::LonLat{out.x, out.y};
}

}  // namespace caremap::crs
