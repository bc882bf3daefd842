// Point symbols from the baked distance atlas (symbol_atlas.frag): one texture read per pixel,
// then an anti-aliased edge and an outline band, both in screen pixels so symbols stay crisp at
// any size.

flat in float v_extent;
flat in float v_radius_px;
flat in float v_outline_px;
flat in vec2 v_cell;
flat in vec4 v_fill;
flat in vec4 v_outline;

uniform sampler2D u_shapes;

out vec4 o_color;

void main() {
  // gl_PointCoord runs from the top-left corner; q is in units of the radius, y up. Outside the
  // baked square every shape is far away; the clamp keeps the read inside the cell.
  vec2 q = (gl_PointCoord * 2.0 - 1.0) * vec2(v_extent, -v_extent);
  q = clamp(q, -SYMBOL_ATLAS_EXTENT * 0.995, SYMBOL_ATLAS_EXTENT * 0.995);
  vec2 uv = (v_cell + q / (2.0 * SYMBOL_ATLAS_EXTENT) + 0.5) / float(SYMBOL_ATLAS_COLUMNS);
  float d = texture(u_shapes, uv).r * v_radius_px;
  float coverage = clamp(0.5 - d, 0.0, 1.0);
  if (coverage <= 0.0) discard;
  float in_outline = v_outline_px > 0.0 ? clamp(d + v_outline_px + 0.5, 0.0, 1.0) : 0.0;
  vec4 c = mix(v_fill, v_outline, in_outline);
  o_color = vec4(c.rgb, c.a * coverage);
}
