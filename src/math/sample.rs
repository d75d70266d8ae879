//! Adaptive sampling of a compiled function over an interval, for honest plots.
