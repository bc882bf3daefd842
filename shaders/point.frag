// Point symbols as signed distance fields: crisp at any size, anti-aliased, with an outline band.
// Shape codes match render::Shape (src/render/style.hpp). Distance functions after Inigo Quilez's
// 2D SDF catalogue (MIT).

in vec2 v_local_px;
flat in int v_class;

uniform vec4 u_symbol[MAX_CLASSES];   // x = shape code, y = size px, z = outline px
uniform vec4 u_fill[MAX_CLASSES];     // straight (not premultiplied) RGBA
uniform vec4 u_outline[MAX_CLASSES];
uniform float u_symbol_scale;

out vec4 o_color;

float sd_box(vec2 p, vec2 b) {
  vec2 d = abs(p) - b;
  return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}

float sd_triangle(vec2 p, float r) {  // equilateral, r = half side, pointing up
  const float k = 1.7320508;
  p.x = abs(p.x) - r;
  p.y = p.y + r / k;
  if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
  p.x -= clamp(p.x, -2.0 * r, 0.0);
  return -length(p) * sign(p.y);
}

float sd_star5(vec2 p, float r, float rf) {
  const vec2 k1 = vec2(0.809016994375, -0.587785252292);
  const vec2 k2 = vec2(-k1.x, k1.y);
  p.x = abs(p.x);
  p -= 2.0 * max(dot(k1, p), 0.0) * k1;
  p -= 2.0 * max(dot(k2, p), 0.0) * k2;
  p.x = abs(p.x);
  p.y -= r;
  vec2 ba = rf * vec2(-k1.y, k1.x) - vec2(0.0, 1.0);
  float h = clamp(dot(p, ba) / dot(ba, ba), 0.0, r);
  return length(p - ba * h) * sign(p.y * ba.x - p.x * ba.y);
}

float sd_hexagon(vec2 p, float r) {  // r = inner radius
  const vec3 k = vec3(-0.866025404, 0.5, 0.577350269);
  p = abs(p);
  p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;
  p -= vec2(clamp(p.x, -k.z * r, k.z * r), r);
  return length(p) * sign(p.y);
}

float sd_pentagon(vec2 p, float r) {  // r = inner radius
  const vec3 k = vec3(0.809016994, 0.587785252, 0.726542528);
  p.x = abs(p.x);
  p -= 2.0 * min(dot(vec2(-k.x, k.y), p), 0.0) * vec2(-k.x, k.y);
  p -= 2.0 * min(dot(vec2(k.x, k.y), p), 0.0) * vec2(k.x, k.y);
  p -= vec2(clamp(p.x, -r * k.z, r * k.z), r);
  return length(p) * sign(p.y);
}

float sd_cross(vec2 p, vec2 b) {
  p = abs(p);
  p = (p.y > p.x) ? p.yx : p.xy;
  vec2 q = p - b;
  float k = max(q.y, q.x);
  vec2 w = (k > 0.0) ? q : vec2(b.y - p.x, -k);
  return sign(k) * length(max(w, 0.0));
}

// Signed distance in pixels to a shape whose bounding circle has radius R.
float shape_distance(int shape, vec2 p, float R) {
  if (shape == 1) return sd_box(p, vec2(R * 0.78));
  if (shape == 2) return (abs(p.x) + abs(p.y) - R) * 0.70710678;
  if (shape == 3) return sd_triangle(p + vec2(0.0, R * 0.15), R * 0.866);
  if (shape == 4) return sd_triangle(vec2(p.x, -p.y) + vec2(0.0, R * 0.15), R * 0.866);
  if (shape == 5) return sd_star5(p + vec2(0.0, R * 0.08), R, 0.48);
  if (shape == 6) return sd_hexagon(p, R * 0.88);
  if (shape == 7) return sd_cross(p, vec2(R * 0.95, R * 0.36));
  if (shape == 8) return sd_pentagon(p + vec2(0.0, R * 0.05), R * 0.8);
  return length(p) - R * 0.9;
}

void main() {
  vec4 symbol = u_symbol[v_class];
  float R = symbol.y * u_symbol_scale * u_pixel_ratio * 0.5;
  // The quad's corners lie outside every shape: skip the distance function there.
  if (dot(v_local_px, v_local_px) > (R + 1.0) * (R + 1.0)) discard;
  float outline_px = max(symbol.z * u_symbol_scale, min(symbol.z, 1.0)) * u_pixel_ratio;
  float d = shape_distance(int(symbol.x + 0.5), v_local_px, R);
  float coverage = 1.0 - smoothstep(-0.5, 0.5, d);
  if (coverage <= 0.0) discard;
  float in_outline = outline_px > 0.0 ? smoothstep(-outline_px - 0.5, -outline_px + 0.5, d) : 0.0;
  vec4 c = mix(u_fill[v_class], u_outline[v_class], in_outline);
  o_color = vec4(c.rgb, c.a * coverage);
}
