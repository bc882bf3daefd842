// Distance to the segment (a capsule): smooth edges and round caps.

in vec2 v_coord_px;
flat in float v_length_px;
flat in float v_half_width_px;
flat in float v_dash_px;
flat in int v_class;

uniform vec4 u_line_color[MAX_CLASSES];  // straight RGBA
uniform vec4 u_line[MAX_CLASSES];        // x = width px, y = dash px (read in the vertex stage)

out vec4 o_color;

void main() {
  float x = clamp(v_coord_px.x, 0.0, v_length_px);
  float d = length(vec2(v_coord_px.x - x, v_coord_px.y)) - v_half_width_px;
  // Lines thinner than a pixel keep their full width of coverage but fade instead.
  float thin = min(1.0, v_half_width_px * 2.0);
  float coverage = clamp(0.5 - d, 0.0, 1.0) * thin;
  if (coverage <= 0.0) discard;
  // Dashes from each segment's start: equal dash and gap (an access leg is one segment).
  if (v_dash_px > 0.0 && mod(max(v_coord_px.x, 0.0), 2.0 * v_dash_px) > v_dash_px) discard;
  vec4 c = u_line_color[v_class];
  o_color = vec4(c.rgb, c.a * coverage);
}
