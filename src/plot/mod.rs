//! Plot drawing with plotters, and the coordinate transforms between value space and screen
//! space. Knows nothing of Yew.
