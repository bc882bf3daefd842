// The signed distance of every point-symbol shape, baked once into a float texture (one cell per
// shape, 3 x 3 cells): the point shader then reads a distance instead of evaluating nine distance
// functions per pixel, which a software rasteriser (llvmpipe) would run for every shape because
// the shape varies per instance. Distances are in units of the shape's bounding radius R, so one
// atlas serves every size. Shape codes match style::Shape (src/style/style.hpp). Distance
// functions after Inigo Quilez's 2D SDF catalogue (MIT).

in vec2 v_q;

uniform int u_shape;

out vec4 o_distance;

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

// Signed distance to a shape whose bounding circle has radius R (y up).
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

void main() { o_distance = vec4(shape_distance(u_shape, v_q, 1.0), 0.0, 0.0, 1.0); }
