//! The neural-network lessons' numbers: every gradient against a central difference, and the
//! seed's worked values.
#![cfg(not(target_arch = "wasm32"))]

use proptest::collection::vec;
use proptest::prelude::*;
use slope::learn::{central_difference, neuron, relative_error, softmax};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Probabilities: positive, summing to 1; the stable form is the textbook formula
    /// wherever that does not overflow.
    #[test]
    fn softmax_is_a_probability_and_the_stable_form_changes_nothing(z in vec(-30.0..30.0f64, 1..6)) {
        let s = softmax::softmax(&z);
        let naive = softmax::naive(&z);
        prop_assert!((s.iter().sum::<f64>() - 1.0).abs() < 1e-14);
        for (a, b) in s.iter().zip(&naive) {
            prop_assert!(*a > 0.0 && *a <= 1.0);
            prop_assert!(relative_error(*a, *b) < 1e-12, "{a} vs {b}");
        }
    }

    /// ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ) against central differences of sᵢ in zⱼ; rows sum to 0.
    #[test]
    fn the_jacobian_is_the_derivative_of_softmax(z in vec(-5.0..5.0f64, 2..5)) {
        let jac = softmax::jacobian(&softmax::softmax(&z));
        for (i, row) in jac.iter().enumerate() {
            prop_assert!(row.iter().sum::<f64>().abs() < 1e-15, "row {i} sums to {}", row.iter().sum::<f64>());
            for (j, d) in row.iter().enumerate() {
                let fd = central_difference(|t| {
                    let mut moved = z.clone();
                    moved[j] = t;
                    softmax::softmax(&moved)[i]
                }, z[j]);
                prop_assert!((d - fd).abs() < 1e-9, "∂s{i}/∂z{j}: {d} vs {fd}");
            }
        }
    }

    /// dy/dx, ∂y/∂w, ∂y/∂b of σ(wx + b) against central differences.
    #[test]
    fn a_neurons_gradients_are_its_derivatives(w in -4.0..4.0f64, b in -4.0..4.0f64, x in -4.0..4.0f64) {
        let p = neuron::pass(w, b, x);
        let y = |w: f64, b: f64, x: f64| neuron::pass(w, b, x).y;
        let checks = [
            (p.dy_dx, central_difference(|t| y(w, b, t), x)),
            (p.dy_dw, central_difference(|t| y(t, b, x), w)),
            (p.dy_db, central_difference(|t| y(w, t, x), b)),
        ];
        for (exact, fd) in checks {
            // The central difference itself is off by about h²·w³·σ‴/6 ≲ 1e-9.
            prop_assert!((exact - fd).abs() < 1e-8, "{exact} vs {fd}");
        }
    }
}

/// The seed's neuron: w = 2, b = 1, x = 1 gives z = 3 and dy/dx = 2σ′(3) ≈ 0.090.
#[test]
fn the_seeds_neuron() {
    let p = neuron::pass(2.0, 1.0, 1.0);
    assert_eq!(p.z, 3.0);
    assert!((p.y - 0.952_574_126_822_433_4).abs() < 1e-15);
    assert!((p.dy_dz - 0.045_176_659_730_912_14).abs() < 1e-15);
    assert!((p.dy_dx - 0.090_353_319_461_824_28).abs() < 1e-15);
    assert_eq!(format!("{:.3}", p.dy_dx), "0.090");
}

/// Large scores: the formula as written overflows to NaN, the stable form does not.
#[test]
fn large_scores_break_the_naive_formula_only() {
    let z = [1000.0, 999.0, 998.0];
    assert!(softmax::naive(&z).iter().all(|s| s.is_nan()));
    let s = softmax::softmax(&z);
    let small = softmax::softmax(&[2.0, 1.0, 0.0]);
    for (a, b) in s.iter().zip(&small) {
        assert!(
            (a - b).abs() < 1e-15,
            "shifting every score changes nothing"
        );
    }
    assert!((s[0] - 0.665_240_955_774_821_6).abs() < 1e-15);
}

#[test]
fn relative_error_is_symmetric_and_zero_at_zero() {
    assert_eq!(relative_error(0.0, 0.0), 0.0);
    assert_eq!(relative_error(1.0, 2.0), relative_error(2.0, 1.0));
    assert!((relative_error(1.0, 1.0 + 1e-8) - 1e-8).abs() < 1e-15);
}
