//! Softmax turns scores z into probabilities s, sᵢ = e^(zᵢ) / Σⱼ e^(zⱼ); its Jacobian is
//! ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ).

/// sᵢ computed stably: every zᵢ lowered by the largest first (the same fraction, since
/// e^(zᵢ − m)/Σ e^(zⱼ − m) = e^(zᵢ)/Σ e^(zⱼ)), so no exponential exceeds 1.
pub fn softmax(z: &[f64]) -> Vec<f64> {
    let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    naive(&z.iter().map(|v| v - m).collect::<Vec<_>>())
}

/// sᵢ = e^(zᵢ) / Σⱼ e^(zⱼ) exactly as written: e^z overflows to ∞ above z ≈ 709.78, and then
/// every sᵢ is ∞/∞ (NaN) or 0.
pub fn naive(z: &[f64]) -> Vec<f64> {
    let e: Vec<f64> = z.iter().map(|v| v.exp()).collect();
    let sum: f64 = e.iter().sum();
    e.iter().map(|v| v / sum).collect()
}

/// ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ), row i, column j. Each row sums to 0 (the probabilities always sum
/// to 1, so raising one score takes from the others exactly what it gives).
pub fn jacobian(s: &[f64]) -> Vec<Vec<f64>> {
    s.iter()
        .enumerate()
        .map(|(i, si)| {
            s.iter()
                .enumerate()
                .map(|(j, sj)| si * (f64::from(u8::from(i == j)) - sj))
                .collect()
        })
        .collect()
}
