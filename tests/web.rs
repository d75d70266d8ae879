//! Browser tests: mount the app in headless Chromium and drive it like a student would —
//! type, choose, break things — then read the DOM and the canvas pixels.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use slope::ui::lessons::explorer::use_explorer;
use yew::prelude::*;

/// The explorer as a component of its own, with the props the site never needs.
#[derive(Properties, PartialEq, Default)]
struct ExplorerProps {
    query: Option<AttrValue>,
    detached: bool,
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    use_explorer(props.query.clone(), props.detached)
}
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlCanvasElement, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

/// Mounts a fresh app starting from `query` into its own element and waits for both plots.
async fn mount(query: &str) -> Element {
    destroy_earlier_apps();
    mount_another(query).await
}

/// The explorers and sites of the tests before stop listening to the address first: a
/// live one would follow this test's navigation and write its own address over it.
fn destroy_earlier_apps() {
    for old in EXPLORERS.with(|e| e.take()) {
        old.destroy();
    }
    for old in SITES.with(|s| s.take()) {
        old.destroy();
    }
}

/// Mounts one more explorer beside the ones already there.
async fn mount_another(query: &str) -> Element {
    // The explorer lives at `#/` and writes its address only while it is there.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    let host = document().create_element("div").unwrap();
    host.set_attribute("style", "width: 1000px").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let props = ExplorerProps {
        query: Some(query.to_string().into()),
        ..Default::default()
    };
    let app = yew::Renderer::<Explorer>::with_root_and_props(host.clone(), props).render();
    EXPLORERS.with(|e| e.borrow_mut().push(app));
    wait_for_plots(&host).await;
    host
}

/// Waits until `done()` holds, checking every 20 ms; after 10 s the test fails, saying what
/// it waited for. (A wait never decides a test by running out.)
async fn wait_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        sleep(20).await;
    }
    panic!("waited 10 s for {what}");
}

/// Waits until both plots under `host` have been drawn.
async fn wait_for_plots(host: &Element) {
    wait_until("both plots to be drawn", || {
        host.query_selector_all("canvas[data-testid^='plot-'][data-drawn='true']")
            .unwrap()
            .length()
            == 2
    })
    .await;
}

fn find(host: &Element, testid: &str) -> Element {
    host.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
}

/// The visible text of an element (MathML's invisible times and function application dropped).
fn text(host: &Element, testid: &str) -> String {
    find(host, testid)
        .text_content()
        .unwrap_or_default()
        .replace(['\u{2061}', '\u{2062}'], "")
}

/// Types into the Function field the way a browser does: set the value, fire `input`.
async fn type_function(host: &Element, value: &str) {
    let input: HtmlInputElement = find(host, "function-input").dyn_into().unwrap();
    input.focus().unwrap();
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    // Past the debounce, then a redraw.
    sleep(400).await;
}

/// A fingerprint of a canvas's pixels: how many are coloured like a curve.
fn curve_pixels(host: &Element, testid: &str) -> (usize, u64) {
    let canvas: HtmlCanvasElement = find(host, testid).dyn_into().unwrap();
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = ctx
        .get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data();
    let mut coloured = 0;
    let mut hash: u64 = 1469598103934665603;
    for px in data.chunks(4) {
        let (r, g, b) = (px[0] as i32, px[1] as i32, px[2] as i32);
        // Saturated pixels (the curves); greys are grid, axes and text.
        if (r - g).abs() > 60 || (g - b).abs() > 60 || (r - b).abs() > 60 {
            coloured += 1;
            hash = (hash ^ ((coloured as u64 * 31 + r as u64 + g as u64) << 8))
                .wrapping_mul(1099511628211);
        }
    }
    (coloured, hash)
}

#[wasm_bindgen_test]
async fn typing_a_function_updates_the_derivative_and_the_plots() {
    let host = mount("?f=x%5E2").await;
    assert!(
        text(&host, "derivative").contains("2x"),
        "{}",
        text(&host, "derivative")
    );
    let before = curve_pixels(&host, "plot-df");
    assert!(before.0 > 100, "the f′ plot shows a curve: {before:?}");

    type_function(&host, "sin(x)").await;
    let derivative = find(&host, "derivative");
    assert!(
        derivative.query_selector("math").unwrap().is_some(),
        "typeset as MathML"
    );
    let mi: Vec<String> = {
        let list = derivative.query_selector_all("mi").unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert!(
        mi.contains(&"cos".to_string()),
        "derivative of sin is cos: {mi:?}"
    );
    assert!(text(&host, "echo").contains("sin"));
    // The formula's spoken form, for readers that do not speak MathML.
    let spoken = find(&host, "derivative")
        .query_selector("math")
        .unwrap()
        .unwrap()
        .get_attribute("alttext")
        .unwrap();
    assert_eq!(spoken, "f prime of x equals cosine of x");
    let after = curve_pixels(&host, "plot-df");
    assert!(
        after.0 > 100 && after.1 != before.1,
        "the f′ canvas changed: {before:?} → {after:?}"
    );
    let label = find(&host, "plot-f").get_attribute("aria-label").unwrap();
    assert!(
        label.starts_with("Graph of f(x) = sin(x) on −5 ≤ x ≤ 5. "),
        "{label}"
    );
    // A blind student learns the shape: zeros, turning points, where x₀ and the secant are.
    assert!(
        label.contains("zeros at x = −π, x = 0 and x = π"),
        "{label}"
    );
    assert!(label.contains("x = π/2 (a high point, y = 1)"), "{label}");
    assert!(label.contains("The point x0 = 1 is marked"), "{label}");
    // The field keeps the text (and focus) while the plots redraw.
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.value(), "sin(x)");
    assert_eq!(
        document()
            .active_element()
            .and_then(|e| e.get_attribute("data-testid")),
        Some("function-input".into())
    );
}

#[wasm_bindgen_test]
async fn choosing_an_example_shows_it() {
    let host = mount("?f=x").await;
    let select: HtmlSelectElement = find(&host, "examples").dyn_into().unwrap();
    select.set_value("sigmoid(x)");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    sleep(300).await;
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.value(), "sigmoid(x)");
    let derivative = text(&host, "derivative");
    assert!(
        derivative.contains("σ") && derivative.contains("1"),
        "{derivative}"
    );
    let groups = host
        .query_selector_all("[data-testid='examples'] optgroup")
        .unwrap()
        .length();
    assert!(groups >= 4, "grouped examples: {groups}");
}

#[wasm_bindgen_test]
async fn bad_input_keeps_the_last_plot_and_points_at_the_culprit() {
    let host = mount("?f=x%5E3").await;
    let plot_before = curve_pixels(&host, "plot-f");
    type_function(&host, "x^2 + sine(x)").await;
    let alert = host.query_selector("[role='alert']").unwrap().unwrap();
    let message = alert.text_content().unwrap();
    assert!(
        message.contains("Unknown function 'sine'") && message.contains("did you mean 'sin'"),
        "{message}"
    );
    assert_eq!(text(&host, "error-culprit"), "sine");
    // The previous plots and derivative stay, dimmed.
    assert!(
        text(&host, "derivative").contains("3"),
        "{}",
        text(&host, "derivative")
    );
    assert_eq!(curve_pixels(&host, "plot-f"), plot_before);
    assert!(host.query_selector(".plots.stale").unwrap().is_some());
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));

    // Fixing it clears the alert.
    type_function(&host, "x^2 + sin(x)").await;
    assert_eq!(alert.text_content().unwrap(), "");
    assert!(host.query_selector(".plots.stale").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn unbalanced_parenthesis_is_underlined_where_it_opens() {
    let host = mount("?f=x").await;
    type_function(&host, "sin((x)").await;
    assert!(text(&host, "error").contains("never closed"));
    // The culprit is the call's '(' at byte 3, the one never closed.
    let overlay = find(&host, "error-culprit").parent_element().unwrap();
    assert_eq!(
        overlay
            .first_element_child()
            .unwrap()
            .text_content()
            .unwrap(),
        "sin"
    );
    assert_eq!(text(&host, "error-culprit"), "(");
}

#[wasm_bindgen_test]
async fn a_link_restores_function_and_view() {
    let host = mount("?f=tan(x)&xmin=-2&xmax=3").await;
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.value(), "tan(x)");
    assert!(text(&host, "derivative").contains("sec"));
    let label = find(&host, "plot-df").get_attribute("aria-label").unwrap();
    assert!(label.contains("on −2 ≤ x ≤ 3"), "{label}");
    // The address follows the state once it rests.
    sleep(400).await;
    let search = web_sys::window().unwrap().location().hash().unwrap();
    assert!(
        search.contains("f=tan(x)") && search.contains("xmin=-2"),
        "{search}"
    );
}

#[wasm_bindgen_test]
async fn script_in_the_url_is_only_ever_text() {
    let payload = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">";
    let query = format!("?f={}", js_sys::encode_uri_component(payload));
    let host = mount(&query).await;
    sleep(200).await;
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "nothing executed");
    assert!(host.query_selector("script").unwrap().is_none());
    assert!(host.query_selector("img").unwrap().is_none());
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.value(), payload, "the text shows as text");
    assert!(
        text(&host, "error").contains("not something I can read"),
        "{}",
        text(&host, "error")
    );
    // Meanwhile a sensible default is plotted.
    assert_eq!(
        host.query_selector_all("canvas[data-testid^='plot-'][data-drawn='true']")
            .unwrap()
            .length(),
        2
    );
}

#[wasm_bindgen_test]
async fn zoom_buttons_and_keyboard_change_the_shared_range() {
    let host = mount("?f=x").await;
    let zoom_in = host
        .query_selector("button[aria-label='Zoom in']")
        .unwrap()
        .unwrap();
    zoom_in.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    sleep(100).await;
    for id in ["plot-f", "plot-df"] {
        let label = find(&host, id).get_attribute("aria-label").unwrap();
        assert!(label.contains("on −3.3333 ≤ x ≤ 3.3333."), "{label}");
    }
    let canvas = find(&host, "plot-f");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    canvas.dispatch_event(&key).unwrap();
    sleep(100).await;
    let label = find(&host, "plot-df").get_attribute("aria-label").unwrap();
    assert!(label.contains("on −2.6667 ≤ x ≤ 4."), "{label}");
}

/// Sends pointer events of `kinds` to the plot `testid`, at the fraction `t` of its width,
/// half-way down, from a pointer of `pointer_type` ("mouse", "touch").
fn pointer(host: &Element, testid: &str, t: f64, pointer_type: &str, kinds: &[&str]) {
    let canvas: HtmlCanvasElement = find(host, testid).dyn_into().unwrap();
    let rect = canvas.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + rect.width() * t) as i32);
    init.set_client_y((rect.top() + rect.height() / 2.0) as i32);
    init.set_pointer_type(pointer_type);
    init.set_bubbles(true);
    for kind in kinds {
        let e = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
        canvas.dispatch_event(&e).unwrap();
    }
}

fn assert_linked_values(host: &Element) {
    let readout = text(host, "readout");
    assert!(
        readout.contains("f(x) =") && readout.contains("f′(x) ="),
        "{readout:?}"
    );
}

#[wasm_bindgen_test]
async fn hovering_a_plot_shows_linked_values() {
    let host = mount("?f=x%5E2").await;
    pointer(&host, "plot-f", 0.5, "mouse", &["pointermove"]);
    sleep(100).await;
    assert_linked_values(&host);
    pointer(&host, "plot-f", 0.5, "mouse", &["pointerleave"]);
    sleep(100).await;
    assert_eq!(text(&host, "readout"), "", "the values go with the mouse");
}

/// On a touch screen there is no hover: a tap shows the values there, and they stay.
#[wasm_bindgen_test]
async fn tapping_a_plot_shows_linked_values() {
    let host = mount("?f=x%5E2").await;
    pointer(
        &host,
        "plot-df",
        0.75,
        "touch",
        &["pointerdown", "pointerup", "pointerleave"],
    );
    sleep(100).await;
    assert_linked_values(&host);
}

// ---------------------------------------------------------------------------------------
// The secant → tangent explorer

fn readout(host: &Element, item: &str) -> String {
    text(host, &format!("readout-{item}"))
}

/// Reads a number as the page prints it (Unicode minus, exponent).
fn number(s: &str) -> f64 {
    // `1.5×10⁻⁷` as the page writes powers of ten.
    let plain: String = s
        .replace('−', "-")
        .replace("×10", "e")
        .chars()
        .map(|c| match c {
            '⁻' => '-',
            '⁰'..='⁹' | '¹' | '²' | '³' => match c {
                '⁰' => '0',
                '¹' => '1',
                '²' => '2',
                '³' => '3',
                '⁴' => '4',
                '⁵' => '5',
                '⁶' => '6',
                '⁷' => '7',
                '⁸' => '8',
                _ => '9',
            },
            other => other,
        })
        .collect();
    plain
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("not a number: {s:?}"))
}

async fn set_slider(host: &Element, testid: &str, value: f64) {
    let input: HtmlInputElement = find(host, testid).dyn_into().unwrap();
    input.set_value(&value.to_string());
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    sleep(100).await;
}

async fn key(target: &Element, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&e).unwrap();
    sleep(100).await;
}

#[wasm_bindgen_test]
async fn sliders_set_x0_and_h_and_the_readout_matches_the_math_core() {
    use slope::math::numeric::{difference_quotient, Method};
    let host = mount("?f=x%5E3").await;
    set_slider(&host, "x0-slider", 1.5).await;
    set_slider(&host, "h-slider", -2.0).await; // log10 h
    assert_eq!(number(&readout(&host, "x0")), 1.5);
    assert_eq!(readout(&host, "h"), "0.01");
    let study = slope::math::Study::parse("x^3").unwrap();
    let q = difference_quotient(&study.f_program, 1.5, 0.01, Method::Forward);
    assert!(
        (number(&readout(&host, "q")) - q).abs() < 1e-8,
        "{} vs {q}",
        readout(&host, "q")
    );
    assert_eq!(number(&readout(&host, "exact")), 6.75);
    assert_eq!(number(&readout(&host, "fx0")), 3.375);
    let err = number(&readout(&host, "error"));
    assert!((err - (q - 6.75).abs()).abs() < 1e-4, "{err}");
    // The readout is a polite live region with the documented name.
    let status = find(&host, "slope-readout");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(
        status.get_attribute("aria-label").as_deref(),
        Some("Slope readout")
    );

    // Shift+arrow takes ten slider steps (view width 10 → step 0.01 → 0.1).
    key(&find(&host, "x0-slider"), "ArrowRight", true).await;
    assert!(
        (number(&readout(&host, "x0")) - 1.6).abs() < 1e-9,
        "{}",
        readout(&host, "x0")
    );
    key(&find(&host, "h-slider"), "ArrowLeft", true).await;
    assert_eq!(readout(&host, "h"), "0.001");

    // The h < 0 toggle and the central quotient.
    let negative = host
        .query_selector("input[type='radio'][name$='-sign']:not(:checked)")
        .unwrap()
        .unwrap();
    negative.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    sleep(100).await;
    assert_eq!(readout(&host, "h"), "−0.001");
    let select: HtmlSelectElement = find(&host, "method").dyn_into().unwrap();
    select.set_value("central");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    sleep(100).await;
    let central = difference_quotient(&study.f_program, 1.6, -0.001, Method::Central);
    assert!((number(&readout(&host, "q")) - central).abs() < 1e-8);
}

#[wasm_bindgen_test]
async fn play_brings_the_secant_onto_the_tangent() {
    let host = mount("?f=sin(x)&x0=1&h=1").await;
    let play = find(&host, "play");
    assert_eq!(play.text_content().unwrap(), "Play");
    play.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    sleep(300).await;
    assert_eq!(play.text_content().unwrap(), "Pause");
    wait_until("the animation to finish", || {
        play.text_content().unwrap() == "Play"
    })
    .await;
    let err = number(&readout(&host, "error"));
    assert!(err < 1e-5, "|Q(h) − f′(x0)| = {err}");
    assert!(number(&readout(&host, "h").replace("10⁻⁷", "1e-7")) <= 1e-6);
}

#[wasm_bindgen_test]
async fn no_derivative_at_a_kink_is_said_plainly() {
    let host = mount("?f=abs(x)&x0=0&h=0.5").await;
    let message = text(&host, "no-tangent");
    assert!(message.contains("f′(0) does not exist"), "{message}");
    assert!(
        message.contains("from the left tends to −1")
            && message.contains("from the right tends to 1"),
        "{message}"
    );
    assert_eq!(readout(&host, "exact"), "undefined");

    let host = mount("?f=ln(x)&x0=-1").await;
    assert!(
        text(&host, "no-tangent").contains("f is undefined at x₀ = −1"),
        "{}",
        text(&host, "no-tangent")
    );
}

#[wasm_bindgen_test]
async fn central_differences_beat_forward_ones_in_the_table() {
    let host = mount("?f=sin(x)&x0=1").await;
    let table = find(&host, "quotient-table");
    let row = table
        .query_selector_all("tbody tr")
        .unwrap()
        .item(2)
        .unwrap();
    let row: Element = row.dyn_into().unwrap();
    assert_eq!(
        row.query_selector("th")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "0.001"
    );
    let cells = row.query_selector_all("td").unwrap();
    let cell = |i: u32| cells.item(i).unwrap().text_content().unwrap();
    let (forward_err, central_err) = (number(&cell(1)), number(&cell(5)));
    assert!(
        central_err < forward_err / 100.0,
        "central {central_err} vs forward {forward_err}"
    );
    // Agreeing digits are highlighted: 0.5403… for the central quotient.
    let mark = cells
        .item(4)
        .unwrap()
        .dyn_into::<Element>()
        .unwrap()
        .query_selector("mark")
        .unwrap()
        .unwrap();
    assert!(
        mark.text_content().unwrap().starts_with("0.54030"),
        "{}",
        mark.text_content().unwrap()
    );
    assert_eq!(
        find(&host, "error-plot")
            .get_attribute("data-drawn")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn a_link_restores_x0_h_and_the_quotient() {
    let host = mount("?f=sin(x)&x0=pi/4&h=0.5&q=central").await;
    assert_eq!(readout(&host, "x0"), "0.78539816");
    assert_eq!(readout(&host, "h"), "0.5");
    let select: HtmlSelectElement = find(&host, "method").dyn_into().unwrap();
    assert_eq!(select.value(), "central");
}

#[wasm_bindgen_test]
async fn dragging_the_point_moves_x0_and_dragging_elsewhere_pans() {
    let host = mount("?f=x%5E2&x0=1&h=0.5").await;
    let canvas: HtmlCanvasElement = find(&host, "plot-f").dyn_into().unwrap();
    let handle = canvas
        .get_attribute("data-handle")
        .expect("the point is drawn");
    let (hx, hy) = handle
        .split_once(',')
        .map(|(a, b)| (number(a), number(b)))
        .unwrap();
    let rect = canvas.get_bounding_client_rect();
    let pointer = |kind: &str, x: f64, y: f64| {
        let init = web_sys::PointerEventInit::new();
        init.set_client_x((rect.left() + x) as i32);
        init.set_client_y((rect.top() + y) as i32);
        init.set_button(0);
        init.set_pointer_id(1);
        init.set_bubbles(true);
        web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap()
    };
    canvas
        .dispatch_event(&pointer("pointerdown", hx, hy))
        .unwrap();
    canvas
        .dispatch_event(&pointer("pointermove", hx - 60.0, hy))
        .unwrap();
    canvas
        .dispatch_event(&pointer("pointerup", hx - 60.0, hy))
        .unwrap();
    sleep(150).await;
    let x0 = number(&readout(&host, "x0"));
    assert!(
        x0 < 0.5 && x0 > -4.0,
        "x0 followed the drag leftwards: {x0}"
    );
    let label_before = canvas.get_attribute("aria-label").unwrap();

    // A drag away from the point pans both plots.
    canvas
        .dispatch_event(&pointer("pointerdown", 40.0, 40.0))
        .unwrap();
    canvas
        .dispatch_event(&pointer("pointermove", 140.0, 40.0))
        .unwrap();
    canvas
        .dispatch_event(&pointer("pointerup", 140.0, 40.0))
        .unwrap();
    sleep(150).await;
    let label_after = canvas.get_attribute("aria-label").unwrap();
    assert_ne!(label_before, label_after);
    assert_eq!(number(&readout(&host, "x0")), x0, "panning leaves x0 alone");
}

/// A `+` typed by hand in an address is plus, not a space.
#[wasm_bindgen_test]
async fn a_hand_typed_plus_in_the_address_is_plus() {
    let host = mount("?f=x^2+1").await;
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.value(), "x^2+1");
    assert!(
        text(&host, "derivative").contains("2x"),
        "{}",
        text(&host, "derivative")
    );
    let host = mount("?f=e^x+sin(x)").await;
    let d = text(&host, "derivative");
    assert!(d.contains("cos") && d.contains('+'), "{d}");
    // And what the page writes back keeps it a plus.
    sleep(400).await;
    let search = web_sys::window().unwrap().location().hash().unwrap();
    assert!(search.contains("f=e^x%2Bsin(x)"), "{search}");
}

/// Letters other than the variable are parameters: the page says so, and each has a slider.
#[wasm_bindgen_test]
async fn parameters_are_named_and_have_sliders() {
    let host = mount("?f=a%20x^2%20%2B%20b%20x&x0=1").await;
    let notice = text(&host, "parameter-notice");
    assert_eq!(
        notice,
        "a and b are parameters, plotted with a = 1 and b = 1. The derivative with respect to x treats them as constant."
    );
    assert_eq!(number(&readout(&host, "fx0")), 2.0);
    set_slider(&host, "param-a", 2.0).await;
    sleep(100).await;
    assert!(text(&host, "parameter-notice").contains("a = 2 and b = 1"));
    // f(1) = 2·1 + 1·1, f′(1) = 2·2·1 + 1.
    assert_eq!(number(&readout(&host, "fx0")), 3.0);
    let label = find(&host, "param-b").closest("div").unwrap().unwrap();
    assert!(label.text_content().unwrap().contains("Parameter b"));
    // The value travels in the link.
    sleep(400).await;
    let search = web_sys::window().unwrap().location().hash().unwrap();
    assert!(search.contains("p_a=2"), "{search}");
    let host = mount("?f=c%20sin(x)&p_c=3&x0=0").await;
    assert!(text(&host, "parameter-notice").contains("c = 3"));
    assert_eq!(number(&readout(&host, "fx0")), 0.0);
    // A function without parameters has no notice.
    let host = mount("?f=x^2").await;
    assert!(host
        .query_selector("[data-testid='parameters']")
        .unwrap()
        .is_none());
}

/// Holes are drawn, and said: the plots' descriptions name them.
#[wasm_bindgen_test]
async fn removable_holes_are_marked_on_both_plots() {
    let host = mount("?f=(x%5E2-1)%2F(x%2B1)&xmin=-1.0003&xmax=-0.9996").await;
    for plot in ["plot-f", "plot-df"] {
        let label = find(&host, plot).get_attribute("aria-label").unwrap();
        let tends = if plot == "plot-f" { "−2" } else { "1" };
        assert!(
            label.contains(&format!(
                "It has a hole at x = −1 (the curve tends to y = {tends} there)."
            )),
            "{plot}: {label}"
        );
    }
    // The derivative row says where the simplified derivative holds.
    assert_eq!(text(&host, "derivative-holds"), "(for x ≠ −1)");
    let host = mount("?f=sin(x)%2Fx").await;
    let label = find(&host, "plot-f").get_attribute("aria-label").unwrap();
    assert!(
        label.contains("It has a hole at x = 0 (the curve tends to y = 1 there)."),
        "{label}"
    );
    let host = mount("?f=floor(x)&xmin=-0.5&xmax=2.5").await;
    let label = find(&host, "plot-df").get_attribute("aria-label").unwrap();
    assert!(
        label.contains(
            "It has a hole at x = 0 (the curve tends to y = 0 there), a hole at x = 1 (the \
             curve tends to y = 0 there) and a hole at x = 2 (the curve tends to y = 0 there)."
        ),
        "{label}"
    );
}

/// What a screen reader hears about tan x′ = sec² x is true: never below 1, its lows at 0
/// and ±π, 12.43 at the edges, and asymptotes (not turning points) at ±π/2.
#[wasm_bindgen_test]
async fn the_description_of_sec_squared_is_true() {
    let host = mount("?f=tan(x)&xmin=-5&xmax=5").await;
    let label = find(&host, "plot-df").get_attribute("aria-label").unwrap();
    let shape = label.split_once("≤ 5. ").map(|(_, s)| s).unwrap_or(&label);
    assert!(
        !shape.contains("y = −") && !shape.contains("y = 0 at x = −5"),
        "{label}"
    );
    assert!(
        shape.contains("x = 0 (a low point, y = 1)")
            && shape.contains("y = 12.4279 at x = −5")
            && shape.contains("a vertical asymptote at x = π/2"),
        "{label}"
    );
}

/// Two apps on one page keep their controls apart: every id is unique.
#[wasm_bindgen_test]
async fn two_widgets_on_one_page_share_no_ids() {
    let a = mount("?f=x%5E2").await;
    let b = mount_another("?f=sin(x)").await;
    let ids = |host: &Element| -> Vec<String> {
        let list = host.query_selector_all("[id]").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .map(|e| e.id())
            .collect()
    };
    let (ia, ib) = (ids(&a), ids(&b));
    assert!(ia.len() >= 5, "{ia:?}");
    assert!(ia.iter().all(|i| !ib.contains(i)), "{ia:?} / {ib:?}");
    // Every label still names its control.
    for host in [&a, &b] {
        let labels = host.query_selector_all("label[for]").unwrap();
        for i in 0..labels.length() {
            let label: Element = labels.item(i).unwrap().dyn_into().unwrap();
            let target = label.get_attribute("for").unwrap();
            assert!(
                host.query_selector(&format!("#{target}"))
                    .unwrap()
                    .is_some(),
                "{target}"
            );
        }
    }
}

/// Keyboard steps land exactly on the grid: ten Shift+← from x₀ = 1 reach 0 itself, where
/// |x| has no derivative (it used to stop at 1.39e−16 and lose the verdict).
#[wasm_bindgen_test]
async fn keyboard_steps_land_exactly_on_round_values() {
    let host = mount("?f=abs(x)&x0=1").await;
    let slider = find(&host, "x0-slider");
    for _ in 0..10 {
        key(&slider, "ArrowLeft", true).await;
    }
    assert_eq!(readout(&host, "x0"), "0");
    assert!(text(&host, "no-tangent").contains("f′(0) does not exist"));
    let host = mount("?f=1%2Fx&x0=0.5").await;
    let slider = find(&host, "x0-slider");
    for _ in 0..5 {
        key(&slider, "ArrowLeft", true).await;
    }
    assert_eq!(readout(&host, "fx0"), "undefined");
}

/// The error plot appears once f′(x₀) becomes defined (its canvas is a new element then).
#[wasm_bindgen_test]
async fn the_error_plot_appears_when_the_derivative_becomes_defined() {
    let host = mount("?f=abs(x)&x0=0").await;
    assert!(host
        .query_selector("[data-testid='error-plot']")
        .unwrap()
        .is_none());
    set_slider(&host, "x0-slider", 1.0).await;
    sleep(300).await;
    let canvas: HtmlCanvasElement = find(&host, "error-plot").dyn_into().unwrap();
    assert!(
        canvas.width() > 10 && canvas.height() > 10,
        "{}×{}",
        canvas.width(),
        canvas.height()
    );
}

/// The highlight marks the exact value's digits in the same places, and the spoken count
/// says the same: 1.99 (backward, h = 0.01) has none of 2's, 2.0000999… (forward,
/// h = 10⁻⁴) has "2.0000".
#[wasm_bindgen_test]
async fn correct_digits_are_the_exact_values_in_place() {
    let host = mount("?f=x%5E2&x0=1").await;
    let table = find(&host, "quotient-table");
    let rows = table.query_selector_all("tbody tr").unwrap();
    let cell = |row: u32, col: u32| -> Element {
        let row: Element = rows.item(row).unwrap().dyn_into().unwrap();
        row.query_selector_all("td")
            .unwrap()
            .item(col)
            .unwrap()
            .dyn_into()
            .unwrap()
    };
    let mark = |c: &Element| {
        c.query_selector("mark")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    // h = 0.01, backward: 1.99.
    let backward = cell(1, 2);
    assert!(backward.text_content().unwrap().starts_with("1.99"));
    assert_eq!(mark(&backward), "");
    let label = backward.get_attribute("aria-label").unwrap();
    assert!(label.contains("0 correct digits"), "{label}");
    // h = 10⁻⁴, forward: 2.0000999…, whose first five digits are 2.0000's.
    let forward = cell(3, 0);
    assert!(forward.text_content().unwrap().starts_with("2.0000999"));
    assert_eq!(mark(&forward), "2.0000");
    let label = forward.get_attribute("aria-label").unwrap();
    assert!(label.contains("5 correct digits"), "{label}");
}

/// Escape stops Play wherever the focus is; the h slider's top is 2 itself.
#[wasm_bindgen_test]
async fn escape_stops_play_and_h_tops_out_at_two() {
    let host = mount("?f=sin(x)&x0=1&h=1").await;
    let play = find(&host, "play");
    play.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    sleep(300).await;
    assert_eq!(play.text_content().unwrap(), "Pause");
    key(&document().body().unwrap(), "Escape", false).await;
    assert_eq!(play.text_content().unwrap(), "Play");
    let h_now = readout(&host, "h");
    sleep(300).await;
    assert_eq!(
        readout(&host, "h"),
        h_now,
        "h stays where Escape stopped it"
    );
    let slider: HtmlInputElement = find(&host, "h-slider").dyn_into().unwrap();
    let max: f64 = slider.max().parse().unwrap();
    set_slider(&host, "h-slider", max).await;
    assert_eq!(readout(&host, "h"), "2");
}

// ---------------------------------------------------------------------------------------
// The course shell

/// Mounts the whole site at `hash` and waits until its page has a heading.
async fn mount_site(hash: &str) -> Element {
    destroy_earlier_apps();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    sleep(50).await;
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let app = yew::Renderer::<slope::ui::App>::with_root(host.clone()).render();
    SITES.with(|s| s.borrow_mut().push(app));
    wait_until("the page's h1", || {
        host.query_selector("main h1").unwrap().is_some()
    })
    .await;
    host
}

/// Does `action`, then waits for the window's `event` it causes (up to 5 s), then lets the
/// page render: navigation events arrive late on a loaded machine, and one that lands in the
/// next test would re-read that test's address.
async fn after_window_event(event: &str, action: impl FnOnce()) {
    let window = web_sys::window().unwrap();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        window
            .add_event_listener_with_callback_and_add_event_listener_options(
                event, &resolve, &options,
            )
            .unwrap();
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5000);
    });
    action();
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    sleep(100).await;
}

/// The browser's Back button, and time for the page to follow.
async fn go_back() {
    after_window_event("popstate", || {
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .back()
            .unwrap()
    })
    .await;
}

thread_local! {
    /// The explorers mounted by the current test, destroyed by the next `mount`.
    static EXPLORERS: std::cell::RefCell<Vec<yew::AppHandle<Explorer>>> = Default::default();
    /// The sites `mount_site` started, destroyed by `unmount_site`: an app only taken out of
    /// the page would keep listening to the address and writing it, under later tests.
    static SITES: std::cell::RefCell<Vec<yew::AppHandle<slope::ui::App>>> = Default::default();
}

/// Removes a site mounted by `mount_site` and puts the address back on the home page.
async fn unmount_site(host: Element) {
    if let Some(app) = SITES.with(|s| s.borrow_mut().pop()) {
        app.destroy();
    }
    host.remove();
    let location = web_sys::window().unwrap().location();
    if location.hash().unwrap() != "#/" {
        after_window_event("hashchange", || location.set_hash("#/").unwrap()).await;
    }
}

fn h1(host: &Element) -> String {
    host.query_selector("main h1")
        .unwrap()
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn every_route_has_its_page_the_contents_and_prev_next() {
    use slope::ui::course::Page;
    let host = mount_site("#/").await;
    assert_eq!(h1(&host), Page::Explorer.title());
    let nav = host
        .query_selector("nav[aria-label='Table of contents']")
        .unwrap()
        .expect("a table of contents");
    let links = nav.query_selector_all("a").unwrap();
    assert_eq!(links.length() as usize, Page::COURSE.len());
    for (i, p) in Page::COURSE.iter().enumerate() {
        let a: Element = links.get(i as u32).unwrap().dyn_into().unwrap();
        assert_eq!(a.text_content().unwrap(), p.title());
        assert_eq!(a.get_attribute("href").unwrap(), format!("#{}", p.path()));
    }
    let current = nav
        .query_selector("[aria-current='page']")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), Page::Explorer.title());
    assert!(host
        .query_selector("[data-testid='prev']")
        .unwrap()
        .is_none());
    // Next goes to the second page, and the contents follow.
    let next: web_sys::HtmlElement = find(&host, "next").dyn_into().unwrap();
    next.click();
    sleep(150).await;
    assert_eq!(h1(&host), Page::COURSE[1].title());
    assert_eq!(
        document().title(),
        format!("{} — Slope", Page::COURSE[1].title())
    );
    let current = nav
        .query_selector("[aria-current='page']")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), Page::COURSE[1].title());
    assert_eq!(
        find(&host, "prev").text_content().unwrap(),
        format!("← Previous{}", Page::Explorer.title())
    );
    // Back returns to the explorer.
    go_back().await;
    assert_eq!(h1(&host), Page::Explorer.title());
    // (Let the explorer write its address before leaving it again.)
    sleep(400).await;
    // An unknown address says so, with the contents still there.
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/nowhere")
        .unwrap();
    sleep(150).await;
    assert_eq!(h1(&host), Page::NotFound.title());
    assert!(host
        .query_selector("nav[aria-label='Table of contents'] a")
        .unwrap()
        .is_some());
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_the_explorer_with_its_state_and_back_restores_a_typed_function() {
    let host = mount_site("#/?f=x%5E3&x0=2").await;
    wait_for_plots(&host).await;
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.value(), "x^3");
    assert_eq!(number(&readout(&host, "exact")), 12.0);
    // The student types their own function, then picks an example by mistake: Back brings
    // their function back.
    type_function(&host, "x^2 + 3").await;
    sleep(300).await;
    let select: HtmlSelectElement = find(&host, "examples").dyn_into().unwrap();
    select.set_value("sin(x)");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    sleep(150).await;
    assert_eq!(input.value(), "sin(x)");
    go_back().await;
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.value(), "x^2 + 3");
    unmount_site(host).await;
}

/// The live region speaks at most about once a second while Play runs, and once at the end.
#[wasm_bindgen_test]
async fn the_readout_is_spoken_at_most_once_a_second() {
    let host = mount("?f=x%5E2&x0=1&h=1").await;
    let spoken = find(&host, "readout-spoken");
    let changes = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let counter = changes.clone();
    let callback =
        wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || counter.set(counter.get() + 1));
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_character_data(true);
    options.set_subtree(true);
    observer.observe_with_options(&spoken, &options).unwrap();
    let visible_before = readout(&host, "q");
    let play: web_sys::HtmlElement = find(&host, "play").dyn_into().unwrap();
    let started = slope::ui::perf::now_ms();
    play.click();
    // Play takes about 3 s; a loaded machine may take longer, so wait for its end and
    // allow one announcement per second it actually took, plus the last one.
    sleep(500).await;
    wait_until("Play to end", || {
        find(&host, "play").text_content().unwrap() == "Play"
    })
    .await;
    let seconds = (slope::ui::perf::now_ms() - started) / 1000.0;
    sleep(1100).await;
    observer.disconnect();
    assert_eq!(
        find(&host, "play").text_content().unwrap(),
        "Play",
        "Play has ended"
    );
    assert_ne!(
        readout(&host, "q"),
        visible_before,
        "the visible numbers moved"
    );
    let n = changes.get();
    assert!(
        n >= 1 && f64::from(n) <= seconds.ceil() + 2.0,
        "{n} announcements in {seconds} s"
    );
    // The last announcement has the final numbers.
    let text = spoken.text_content().unwrap();
    assert!(text.contains("h = 10⁻⁷"), "{text}");
}

// ---------------------------------------------------------------------------------------
// The rule lessons

#[wasm_bindgen_test]
async fn the_product_rule_page_derives_its_examples_step_by_step() {
    let host = mount_site("#/product-rule").await;
    assert_eq!(h1(&host), "Product rule");
    let examples = host.query_selector_all("[data-testid='example']").unwrap();
    assert_eq!(examples.length(), 2);
    let second: Element = examples.get(1).unwrap().dyn_into().unwrap();
    let text = second
        .text_content()
        .unwrap()
        .replace(['\u{2061}', '\u{2062}'], "");
    assert!(
        text.contains("6x2+6x−2") || text.contains("6x2 + 6x − 2"),
        "{text}"
    );
    let rules: Vec<String> = {
        let items = second.query_selector_all("li[data-rule]").unwrap();
        (0..items.length())
            .map(|i| {
                items
                    .get(i)
                    .unwrap()
                    .dyn_into::<Element>()
                    .unwrap()
                    .get_attribute("data-rule")
                    .unwrap()
            })
            .collect()
    };
    assert_eq!(
        rules.first().map(String::as_str),
        Some("Product"),
        "{rules:?}"
    );
    assert_eq!(
        rules.last().map(String::as_str),
        Some("Simplify"),
        "{rules:?}"
    );
    // The rule is typeset, with its spoken form.
    let rule = host
        .query_selector("[aria-label='The rule'] math")
        .unwrap()
        .unwrap();
    assert!(rule.get_attribute("alttext").unwrap().contains("u prime"));
    // Each example opens in the explorer.
    let link = second.query_selector("a").unwrap().unwrap();
    assert!(link.get_attribute("href").unwrap().starts_with("#/?f="));
    unmount_site(host).await;
}

/// Textbook order (the parts named first, combined last); focusing a step marks the part of
/// f it acts on, the arrow keys walk the list, and the compact order is one tick away.
#[wasm_bindgen_test]
async fn steps_mark_what_they_act_on_and_switch_order() {
    let host = mount_site("#/product-rule").await;
    let example: Element = host
        .query_selector_all("[data-testid='example']")
        .unwrap()
        .get(1)
        .unwrap()
        .dyn_into()
        .unwrap();
    let items = |e: &Element| {
        let list = e.query_selector_all("li[data-rule]").unwrap();
        (0..list.length())
            .map(|i| list.get(i).unwrap().dyn_into::<HtmlElement>().unwrap())
            .collect::<Vec<_>>()
    };
    let phases = |e: &Element| {
        items(e)
            .iter()
            .map(|li| li.get_attribute("data-phase").unwrap())
            .collect::<Vec<_>>()
    };
    let marked = |e: &Element| {
        e.query_selector("[data-testid='steps-formula'] .mark")
            .unwrap()
            .map(|m| {
                m.text_content()
                    .unwrap()
                    .replace(['\u{2061}', '\u{2062}', ' '], "")
            })
    };
    let p = phases(&example);
    assert_eq!(p.first().map(String::as_str), Some("Parts"), "{p:?}");
    assert_eq!(p[p.len() - 2], "Combine", "{p:?}");
    assert_eq!(
        marked(&example),
        None,
        "nothing marked before a step is chosen"
    );
    // One tab stop: only the first step is in the tab order.
    let tabbable: Vec<i32> = items(&example).iter().map(|li| li.tab_index()).collect();
    assert_eq!(
        tabbable.iter().filter(|t| **t == 0).count(),
        1,
        "{tabbable:?}"
    );
    items(&example)[1].focus().unwrap();
    sleep(100).await;
    assert_eq!(marked(&example).as_deref(), Some("2x+3"));
    key(&items(&example)[1], "ArrowDown", false).await;
    let active = document().active_element().unwrap();
    assert_eq!(active, items(&example)[2].clone().into());
    assert_eq!(marked(&example).as_deref(), Some("2x"));
    key(&items(&example)[2], "End", false).await;
    assert_eq!(
        marked(&example).as_deref(),
        Some("(2x+3)(x2−1)"),
        "Simplify acts on the whole function"
    );
    // The compact order: each rule once, with its result, top-down.
    let toggle: HtmlInputElement = example
        .query_selector(".steps-order input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    toggle.click();
    sleep(100).await;
    let p = phases(&example);
    assert!(p.iter().all(|x| x == "Whole"), "{p:?}");
    let first = items(&example)[0].get_attribute("data-rule").unwrap();
    assert_eq!(first, "Product");
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn try_your_own_derives_what_is_typed_and_keeps_it_in_the_address() {
    let host = mount_site("#/chain-rule").await;
    let try_panel = find(&host, "try");
    type_function(&try_panel, "sin(x^2)").await;
    sleep(300).await;
    let result = text(&try_panel, "try-result");
    assert!(result.contains("cos") && result.contains("2x"), "{result}");
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    let decoded = js_sys::decode_uri_component(&hash)
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(decoded, "#/chain-rule?f=sin(x^2)");
    // A typo is refused with its message; the last good derivation stays.
    type_function(&try_panel, "sin(x^2").await;
    sleep(300).await;
    assert!(!text(&try_panel, "error").is_empty());
    assert!(text(&try_panel, "try-result").contains("cos"));
    // A long derivation is not typeset until asked for; a short one is open.
    let steps_open = |p: &Element| {
        find(p, "steps")
            .dyn_into::<web_sys::HtmlDetailsElement>()
            .unwrap()
            .open()
    };
    let long: Vec<String> = (1..=15).map(|k| format!("sin({k}x)")).collect();
    type_function(&try_panel, &long.join("*")).await;
    sleep(300).await;
    assert!(
        !steps_open(&try_panel),
        "a long derivation waits to be opened"
    );
    type_function(&try_panel, "x^3").await;
    sleep(300).await;
    assert!(steps_open(&try_panel));
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn the_rate_lesson_shows_7_on_1_2_and_brings_b_to_a() {
    let host = mount_site("#/rate-of-change").await;
    assert_eq!(h1(&host), "Average and instantaneous rate of change");
    assert!(
        text(&host, "average").ends_with("= 7"),
        "{}",
        text(&host, "average")
    );
    assert!(text(&host, "instantaneous").ends_with("= 3"));
    for (id, label) in [("a-slider", "a"), ("b-slider", "b")] {
        let field = find(&host, id).closest("div").unwrap().unwrap();
        assert_eq!(
            field
                .query_selector("label")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap(),
            label
        );
    }
    // Its view is fixed: the plot promises no zoom or pan keys.
    assert!(find(&host, "plot-f")
        .get_attribute("aria-keyshortcuts")
        .is_none());
    // Moving b moves the average rate, and the address follows.
    set_slider(&host, "b-slider", 1.5).await;
    sleep(400).await;
    assert!(
        text(&host, "average").ends_with("= 4.75"),
        "{}",
        text(&host, "average")
    );
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.contains("b=1.5"), "{hash}");
    // Bring b to a: the average settles on the instantaneous rate.
    let bring: web_sys::HtmlElement = find(&host, "bring").dyn_into().unwrap();
    bring.click();
    sleep(3000).await;
    let avg = text(&host, "average");
    assert!(avg.contains("= 3.00") || avg.ends_with("= 3.003"), "{avg}");
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn the_tables_derivative_column_is_the_engines_and_n_moves_the_power_row() {
    use slope::ui::lessons::table_of_derivatives::{study, GROUPS};
    let host = mount_site("#/table-of-derivatives?n=3&a=2").await;
    assert_eq!(h1(&host), "Table of derivatives");
    let rows = host.query_selector_all("[data-testid=table-row]").unwrap();
    let expected: Vec<&str> = GROUPS
        .iter()
        .flat_map(|g| g.rows.iter().map(|r| r.f))
        .collect();
    assert_eq!(rows.length() as usize, expected.len());
    for (i, f) in expected.iter().enumerate() {
        let row: Element = rows.get(i as u32).unwrap().dyn_into().unwrap();
        assert_eq!(row.get_attribute("data-f").as_deref(), Some(*f));
        let df = row
            .query_selector("[data-testid=table-df] math")
            .unwrap()
            .expect("f′ typeset");
        let engine = study(f).unwrap();
        assert_eq!(
            df.get_attribute("alttext").unwrap(),
            slope::math::to_speech(&engine.derivation.result),
            "d/dx {f}"
        );
        // Each row is sketched: f and f′ each drew at least one line.
        let sketch = row
            .query_selector("svg.sparkline")
            .unwrap()
            .expect("a sketch");
        assert!(
            sketch.query_selector(".spark-f").unwrap().is_some(),
            "{f}: f sketched"
        );
        assert!(
            sketch.query_selector(".spark-df").unwrap().is_some(),
            "{f}: f′ sketched"
        );
    }
    assert!(find(&host, "softmax-row")
        .text_content()
        .unwrap()
        .contains("Jacobian"));
    // The power row at n = 3, then n = 2.5: the engine derives the instance afresh.
    let power = host
        .query_selector("[data-f='x^n'] [data-testid=instance-df] math")
        .unwrap()
        .unwrap();
    assert_eq!(power.get_attribute("alttext").unwrap(), "3 times x squared");
    set_slider(&host, "n-slider", 2.5).await;
    sleep(400).await;
    let power = host
        .query_selector("[data-f='x^n'] [data-testid=instance-df] math")
        .unwrap()
        .unwrap();
    assert!(
        power
            .get_attribute("alttext")
            .unwrap()
            .starts_with("2.5 times x to the"),
        "{:?}",
        power.get_attribute("alttext")
    );
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.contains("n=2.5"), "{hash}");
}

#[wasm_bindgen_test]
async fn the_taylor_slider_changes_the_polynomial_and_the_readout_reads_the_bend() {
    let host = mount_site("#/second-derivatives?f=sin(x)&x0=0&n=1").await;
    assert_eq!(h1(&host), "Second derivatives and Taylor polynomials");
    sleep(300).await;
    let taylor = |host: &Element| {
        host.query_selector("[data-testid=taylor] math")
            .unwrap()
            .expect("the polynomial, typeset")
            .get_attribute("alttext")
            .unwrap()
    };
    assert_eq!(taylor(&host), "T₁ of x equals x");
    // f″(0) = 0 for sin, whatever the degree: the readout says so at degree 1.
    assert!(
        text(&host, "concavity").contains("f″(0) = 0"),
        "{}",
        text(&host, "concavity")
    );
    set_slider(&host, "degree-slider", 5.0).await;
    sleep(400).await;
    let t5 = taylor(&host);
    assert!(
        t5.contains("x to the 5th") || t5.contains("x to the power 5"),
        "{t5}"
    );
    assert!(t5.contains("120"), "{t5}");
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.contains("n=5"), "{hash}");
    // Moving x₀ to where sin bends upward.
    set_slider(&host, "x0-slider", -1.5).await;
    sleep(300).await;
    assert!(
        text(&host, "concavity").contains("concave up"),
        "{}",
        text(&host, "concavity")
    );
    // All three plots are drawn.
    for id in ["plot-f", "plot-df"] {
        assert!(
            host.query_selector_all(&format!("canvas[data-testid={id}][data-drawn=true]"))
                .unwrap()
                .length()
                >= 1,
            "{id}"
        );
    }
    assert_eq!(
        host.query_selector_all("canvas[data-drawn=true]")
            .unwrap()
            .length(),
        3
    );
}

#[wasm_bindgen_test]
async fn the_car_lesson_scrubs_time_and_its_secant_brings_b_to_a() {
    let host = mount_site("#/what-is-a-derivative").await;
    assert_eq!(h1(&host), "What is a derivative");
    sleep(300).await;
    assert!(
        text(&host, "speedometer").contains("s′(2) = 8 m/s"),
        "{}",
        text(&host, "speedometer")
    );
    let status = host
        .query_selector("[role=status][aria-label=Speedometer]")
        .unwrap();
    assert!(
        status.is_some(),
        "the speedometer is a polite status region"
    );
    set_slider(&host, "t-slider", 3.0).await;
    sleep(300).await;
    assert!(
        text(&host, "speedometer").contains("s′(3) = 9 m/s"),
        "{}",
        text(&host, "speedometer")
    );
    // The limit definition's widget on x²: slope 3 on [1, 2], brought to 2 at a = 1.
    assert!(
        text(&host, "average").ends_with("= 3"),
        "{}",
        text(&host, "average")
    );
    let bring: web_sys::HtmlElement = find(&host, "bring").dyn_into().unwrap();
    bring.click();
    sleep(3000).await;
    let avg = text(&host, "average");
    assert!(avg.ends_with("= 2.001") || avg.contains("= 2.00"), "{avg}");
    // Time and both points are kept in the address.
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.contains("t=3") && hash.contains("a=1"), "{hash}");
    assert_eq!(
        host.query_selector_all("canvas[data-drawn=true]")
            .unwrap()
            .length(),
        3
    );
}

#[wasm_bindgen_test]
async fn the_product_rule_area_picture_thins_its_strips_as_dx_shrinks() {
    let host = mount_site("#/product-rule").await;
    let picture = find(&host, "product-area");
    let corner = |host: &Element| -> f64 {
        host.query_selector(".area-corner")
            .unwrap()
            .unwrap()
            .get_attribute("width")
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(picture.query_selector("svg[role=img]").unwrap().is_some());
    let wide = corner(&host);
    assert!(
        text(&host, "area-readout").contains("= 7.25"),
        "{}",
        text(&host, "area-readout")
    );
    set_slider(&host, "dx-slider", -2.0).await;
    sleep(200).await;
    assert!(
        corner(&host) < wide / 10.0,
        "the strips thin out: {} → {}",
        wide,
        corner(&host)
    );
    let said = text(&host, "area-readout");
    assert!(said.contains("With Δx = 0.01:"), "{said}");
}

#[wasm_bindgen_test]
async fn the_chain_rule_number_lines_settle_on_two_times_twelve() {
    let host = mount_site("#/chain-rule").await;
    assert!(find(&host, "chain-stretch")
        .query_selector("svg[role=img]")
        .unwrap()
        .is_some());
    set_slider(&host, "dx-slider", -3.0).await;
    sleep(200).await;
    let said = text(&host, "chain-readout");
    assert!(
        said.contains("(stretched ×2.001)") && said.contains("dy/dx = 2 · 12 = 24"),
        "{said}"
    );
}

#[wasm_bindgen_test]
async fn softmax_bars_jacobian_and_overflow() {
    let host = mount_site("#/softmax?z=2,1,0.1&c=0").await;
    assert_eq!(h1(&host), "Softmax and its Jacobian");
    assert!(
        text(&host, "probabilities").contains("0.659"),
        "{}",
        text(&host, "probabilities")
    );
    // Every row of the Jacobian sums to 0; the diagonal is s(1 − s): 0.659 · 0.341 = 0.225.
    let sums = host.query_selector_all("[data-testid='row-sum']").unwrap();
    assert_eq!(sums.length(), 3);
    for i in 0..3 {
        assert_eq!(sums.get(i).unwrap().text_content().unwrap(), "0.000");
    }
    assert!(text(&host, "jacobian").contains("0.225"));
    // Moving z1 moves the bars.
    set_slider(&host, "z1-slider", -1.0).await;
    assert!(!text(&host, "probabilities").contains("0.659"));
    // Four scores: a fourth slider and a 4 × 4 matrix.
    let size: HtmlSelectElement = find(&host, "size").dyn_into().unwrap();
    size.set_value("4");
    size.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    sleep(100).await;
    assert!(host
        .query_selector("[data-testid='z4-slider']")
        .unwrap()
        .is_some());
    assert_eq!(
        host.query_selector_all("[data-testid='row-sum']")
            .unwrap()
            .length(),
        4
    );
    // Past e^709.78 the formula as written is NaN; the stable form is not.
    assert!(host
        .query_selector("[data-testid='overflow']")
        .unwrap()
        .is_none());
    set_slider(&host, "shift-slider", 800.0).await;
    assert!(text(&host, "naive").contains("NaN"));
    assert!(!text(&host, "stable").contains("NaN"));
    assert!(host
        .query_selector("[data-testid='overflow']")
        .unwrap()
        .is_some());
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn the_neuron_shows_the_seeds_0_090_and_follows_its_sliders() {
    let host = mount_site("#/neuron").await;
    assert_eq!(h1(&host), "The chain rule in a neuron");
    assert!(
        text(&host, "product").ends_with("≈ 0.090"),
        "{}",
        text(&host, "product")
    );
    assert!(text(&host, "check").contains("0.0903533"));
    let graph = find(&host, "graph");
    assert!(graph
        .get_attribute("aria-label")
        .unwrap()
        .contains("y = σ(z) = 0.952574"));
    // w = 0: y no longer depends on x.
    set_slider(&host, "w-slider", 0.0).await;
    assert!(
        text(&host, "product").ends_with("= 0 ≈ 0.000"),
        "{}",
        text(&host, "product")
    );
    // The engine's steps name the chain rule first.
    let first = host.query_selector("li[data-rule]").unwrap().unwrap();
    assert_eq!(first.get_attribute("data-rule").unwrap(), "Chain");
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn activations_show_their_slopes_and_relus_corner() {
    let host = mount_site("#/activation-functions").await;
    assert_eq!(h1(&host), "Activation functions");
    assert!(
        text(&host, "readout").contains("σ′(1) = 0.196612"),
        "{}",
        text(&host, "readout")
    );
    assert!(text(&host, "hand-values").contains("0.419974"));
    let choose = |key: &str| {
        let select: HtmlSelectElement = find(&host, "activation").dyn_into().unwrap();
        select.set_value(key);
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
    };
    choose("relu");
    sleep(100).await;
    set_slider(&host, "x-slider", 0.0).await;
    let said = text(&host, "readout");
    assert!(
        said.contains("does not exist") && said.contains("1 from the right"),
        "{said}"
    );
    // Leaky ReLU has its α; the others do not.
    assert!(host
        .query_selector("[data-testid='alpha-slider']")
        .unwrap()
        .is_none());
    choose("leaky");
    sleep(100).await;
    assert!(host
        .query_selector("[data-testid='alpha-slider']")
        .unwrap()
        .is_some());
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn partial_derivatives_open_on_the_seeds_6_and_6_and_follow_the_point() {
    let host = mount_site("#/partial-derivatives").await;
    assert_eq!(h1(&host), "Partial derivatives");
    let status = host
        .query_selector("[role=status][aria-label='Gradient readout']")
        .unwrap()
        .expect("a status region labelled Gradient readout");
    assert!(
        status
            .text_content()
            .unwrap()
            .contains("∂f/∂x = 6, ∂f/∂y = 6"),
        "{}",
        text(&host, "gradient")
    );
    let map = find(&host, "heat-map");
    assert_eq!(map.get_attribute("data-drawn").as_deref(), Some("true"));
    assert!(map
        .get_attribute("aria-label")
        .unwrap()
        .contains("points up and to the right"));
    // The arrow keys move the point; with Shift by 1 (ten steps of 0.1): on to the seed's
    // other point, (3, −1). The derivations do not change, so they are not typeset again.
    slope::ui::perf::take_renders();
    key(&map, "ArrowRight", true).await;
    key(&map, "ArrowRight", true).await;
    for _ in 0..3 {
        key(&map, "ArrowDown", true).await;
    }
    let renders = slope::ui::perf::take_renders();
    assert!(
        renders.iter().any(|(n, _)| *n == "plot-canvas"),
        "{renders:?}"
    );
    assert!(
        !renders.iter().any(|(n, _)| *n == "step-list"),
        "{renders:?}"
    );
    assert!(
        text(&host, "gradient").starts_with("At (3, −1): f = 4, ∂f/∂x = 4, ∂f/∂y = 4."),
        "{}",
        text(&host, "gradient")
    );
    // The plane: 2 and 3 everywhere.
    type_function(&host, "2x + 3y + 1").await;
    assert!(
        text(&host, "gradient").contains("∂f/∂x = 2, ∂f/∂y = 3"),
        "{}",
        text(&host, "gradient")
    );
    // Another letter is refused with a message, and the page keeps the last good function.
    type_function(&host, "a x + y").await;
    assert!(text(&host, "letters").contains("this f also has a"));
    assert!(
        text(&host, "gradient").contains("∂f/∂x = 2, ∂f/∂y = 3"),
        "the last good function stays: {}",
        text(&host, "gradient")
    );
    assert_eq!(
        find(&host, "heat-map")
            .get_attribute("data-drawn")
            .as_deref(),
        Some("true")
    );
    unmount_site(host).await;
}

/// A training lesson, open at epoch 0, with its Training readout.
async fn open_training(hash: &str, title: &str) -> Element {
    let host = mount_site(hash).await;
    assert_eq!(h1(&host), title);
    let status = host
        .query_selector("[role=status][aria-label='Training readout']")
        .unwrap()
        .expect("a status region labelled Training readout");
    assert!(status.text_content().unwrap().contains("Epoch 0 · Loss "));
    host
}

/// Presses Play and waits (up to 30 s) for the lesson to stop by itself.
async fn play_until_it_stops(host: &Element) {
    press(host, "play");
    sleep(50).await;
    assert_eq!(find(host, "play").text_content().unwrap(), "Pause");
    wait_until("Play to stop by itself", || {
        find(host, "play").text_content().unwrap() == "Play"
    })
    .await;
}

fn press(host: &Element, testid: &str) {
    let b: HtmlElement = find(host, testid).dyn_into().unwrap();
    b.click();
}

#[wasm_bindgen_test]
async fn gradient_descent_steps_plays_resets_and_warns_past_the_threshold() {
    let host = open_training("#/gradient-descent", "Gradient descent").await;
    let click = |id: &str| press(&host, id);
    click("step");
    sleep(50).await;
    assert!(
        text(&host, "training").starts_with("Epoch 1 · Loss "),
        "{}",
        text(&host, "training")
    );
    play_until_it_stops(&host).await;
    assert!(
        text(&host, "verdict").starts_with("Settled at w = 2.9904, b = 2.0771"),
        "{}",
        text(&host, "verdict")
    );
    click("reset");
    sleep(50).await;
    assert!(text(&host, "training").starts_with("Epoch 0 · "));
    set_slider(&host, "rate-slider", 0.3).await;
    assert!(
        text(&host, "verdict").starts_with("Diverging"),
        "{}",
        text(&host, "verdict")
    );
    assert_eq!(
        find(&host, "loss-surface")
            .get_attribute("data-drawn")
            .as_deref(),
        Some("true")
    );
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn loss_functions_show_both_targets_and_the_seeds_gradients() {
    let host = mount_site("#/loss-functions").await;
    assert_eq!(h1(&host), "Loss functions");
    assert!(text(&host, "readout")
        .starts_with("At p = 0.9: for y = 1, squared error 0.01 (slope −0.2)"));
    assert!(text(&host, "seed-gradients").contains("−1.11111"));
    set_slider(&host, "p-slider", 0.5).await;
    assert!(
        text(&host, "readout").contains("cross-entropy 0.693147 (slope −2)"),
        "{}",
        text(&host, "readout")
    );
    unmount_site(host).await;
}

/// Typing into an error and out of it keeps the field (and the focus and caret): the
/// underline overlay appears after the input without rebuilding it.
#[wasm_bindgen_test]
async fn an_error_does_not_take_the_focus_from_the_field() {
    let host = mount("?f=x%5E2").await;
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    type_function(&host, "x^").await;
    assert!(!text(&host, "error").is_empty(), "x^ is an error");
    let active = document().active_element().unwrap();
    assert!(
        active == *input.unchecked_ref::<Element>(),
        "focus stayed in the same field"
    );
    type_function(&host, "x^3").await;
    let active = document().active_element().unwrap();
    assert!(
        active == *input.unchecked_ref::<Element>(),
        "and stays there once it reads again"
    );
    assert!(text(&host, "error").is_empty());
}

#[wasm_bindgen_test]
async fn backpropagation_solves_xor_with_our_preset_and_the_tutorials_stays_at_one_half() {
    let host = open_training("#/backpropagation", "Backpropagation").await;
    let click = |id: &str| press(&host, id);
    let outputs = |host: &Element| -> Vec<f64> {
        text(host, "training")
            .rsplit("Outputs ")
            .next()
            .unwrap()
            .split(' ')
            .map(|o| o.parse().unwrap())
            .collect()
    };
    // Play pauses by itself at the epoch XOR is solved.
    play_until_it_stops(&host).await;
    assert!(
        text(&host, "verdict").starts_with("Solved at epoch"),
        "{}",
        text(&host, "verdict")
    );
    let solved = outputs(&host);
    assert!(
        solved
            .iter()
            .zip([0.0, 1.0, 1.0, 0.0])
            .all(|(o, y)| (o - y).abs() <= 0.1),
        "{solved:?}"
    );
    assert_eq!(
        find(&host, "decision-surface")
            .get_attribute("data-drawn")
            .as_deref(),
        Some("true")
    );
    // Clicking a line of the network picks its weight for the gradient check.
    let edge = host
        .query_selector("[data-testid=network] .edge-hit")
        .unwrap()
        .unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    edge.dispatch_event(
        &web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap(),
    )
    .unwrap();
    sleep(50).await;
    let check = text(&host, "gradient-check");
    assert!(
        check.starts_with("The mean of the four products is ∂L/∂w(x₁→h₁) = ")
            && check.contains("good"),
        "{check}"
    );
    // The tutorial's settings: Play for two seconds and the outputs stay at 0.50.
    let preset: HtmlSelectElement = find(&host, "preset").dyn_into().unwrap();
    preset.set_value("tutorial");
    preset
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    sleep(50).await;
    assert!(text(&host, "training").starts_with("Epoch 0 · "));
    click("play");
    sleep(2000).await;
    click("play");
    sleep(50).await;
    let plateau = text(&host, "training");
    assert!(
        plateau.ends_with("Outputs 0.50 0.50 0.50 0.50") && !plateau.starts_with("Epoch 0 "),
        "{plateau}"
    );
    assert!(
        text(&host, "verdict").starts_with("On a plateau"),
        "{}",
        text(&host, "verdict")
    );
    unmount_site(host).await;
}

// ---------------------------------------------------------------------------------------------
// Embedding (the shell's embed form, the Embed button, the message API's reading of messages)

#[wasm_bindgen_test]
async fn the_embed_form_shows_only_the_page_and_opens_the_full_one_in_the_same_state() {
    let host = mount_site("#/chain-rule?embed&f=sin(x%5E2)").await;
    assert_eq!(h1(&host), "Chain rule");
    for chrome in [
        "header",
        "footer",
        "nav.toc",
        "nav.pager",
        ".skip-link",
        "[data-testid=embed-button]",
    ] {
        assert!(
            host.query_selector(chrome).unwrap().is_none(),
            "the embed form has no {chrome}"
        );
    }
    sleep(300).await;
    assert!(text(&host, "try-result").contains("cos"));
    let open = host
        .query_selector("nav[aria-label=Slope] a")
        .unwrap()
        .expect("an Open in Slope link");
    assert_eq!(open.text_content().unwrap(), "Open in Slope");
    assert_eq!(open.get_attribute("target").as_deref(), Some("_blank"));
    let href = open.get_attribute("href").unwrap();
    assert!(
        href.ends_with("#/chain-rule?f=sin(x^2)"),
        "the full page, same state, no embed flag: {href}"
    );
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn the_embed_button_shows_a_snippet_of_the_current_state() {
    let host = mount_site("#/chain-rule?f=sin(x%5E2)").await;
    assert!(host.query_selector("header").unwrap().is_some());
    let button: web_sys::HtmlElement = find(&host, "embed-button").dyn_into().unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    button.click();
    sleep(200).await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let field: web_sys::HtmlTextAreaElement = find(&host, "embed-code").dyn_into().unwrap();
    assert!(field.read_only());
    let label = field
        .closest("label")
        .unwrap()
        .and_then(|l| l.text_content())
        .unwrap_or_default();
    assert!(label.starts_with("Embed code"), "{label}");
    let code = field.value();
    assert!(
        code.starts_with("<iframe src=\"") && code.contains("#/chain-rule?embed&amp;f=sin(x^2)\""),
        "{code}"
    );
    assert!(code.contains("title=\"Chain rule — Slope\"") && code.contains("loading=\"lazy\""));
    let height: u32 = code
        .split("height=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .unwrap();
    assert!((360..=4000).contains(&height), "{height}");
    assert!(
        code.trim_end().ends_with("embed.js\" async></script>"),
        "{code}"
    );
    // The status says what happened to the clipboard, either way.
    sleep(300).await;
    let said = host.query_selector(".embed-said").unwrap().unwrap();
    assert_eq!(said.get_attribute("role").as_deref(), Some("status"));
    assert!(!said.text_content().unwrap().contains('…'));
    button.click();
    sleep(100).await;
    assert!(host
        .query_selector("[data-testid=embed-code]")
        .unwrap()
        .is_none());
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn a_lesson_follows_its_address_after_load() {
    let host = mount_site("#/softmax?z=2,1,0.1&c=0").await;
    assert!(text(&host, "probabilities").contains("0.659"));
    let location = web_sys::window().unwrap().location();
    after_window_event("hashchange", || {
        location.set_hash("#/softmax?z=0,0,0&c=0").unwrap()
    })
    .await;
    sleep(200).await;
    let p = text(&host, "probabilities");
    assert!(p.contains("0.333") && !p.contains("0.659"), "{p}");
    unmount_site(host).await;
}

#[wasm_bindgen_test]
fn messages_from_the_parent_are_read_as_text_and_the_rest_ignored() {
    use slope::ui::shell::embed::{answer, Answer};
    let msg = |json: &str| js_sys::JSON::parse(json).unwrap();
    let ignored = |a: Answer| matches!(a, Answer::Ignore(_));
    let q = "?embed&f=x^2&x0=1";
    // The shorthand and the params form set the address, keeping what is not set.
    assert_eq!(
        answer(&msg(r#"{"type":"slope:set","f":"x^3"}"#), q),
        Answer::Set("?embed&f=x^3&x0=1".into())
    );
    assert_eq!(
        answer(
            &msg(r#"{"type":"slope:set","params":{"x0":"2","h":"0.5"}}"#),
            q
        ),
        Answer::Set("?embed&f=x^2&x0=2&h=0.5".into())
    );
    assert_eq!(answer(&msg(r#"{"type":"slope:get"}"#), q), Answer::State);
    assert_eq!(
        answer(&msg(r#"{"type":"slope:subscribe"}"#), q),
        Answer::Subscribe
    );
    assert_eq!(
        answer(&msg(r#"{"type":"slope:height","height":3}"#), q),
        Answer::Nothing
    );
    // Markup is text: it reaches the address encoded, for the parser to refuse.
    match answer(
        &msg(r#"{"type":"slope:set","f":"<img src=x onerror=alert(1)>"}"#),
        q,
    ) {
        Answer::Set(query) => assert!(!query.contains('<') && query.contains("%3Cimg"), "{query}"),
        other => panic!("{other:?}"),
    }
    // Malformed: not an object, no type, a number as f, an array or non-text params, our
    // own flags, a name no page uses, a value past the length limit, nothing to set.
    for bad in [
        r#""slope:set""#,
        "42",
        "null",
        r#"{"f":"x^3"}"#,
        r#"{"type":"slope:set","f":3}"#,
        r#"{"type":"slope:set","params":["x^3"]}"#,
        r#"{"type":"slope:set","params":{"f":3}}"#,
        r#"{"type":"slope:set","params":{"embed":""}}"#,
        r#"{"type":"slope:set","params":{"theme":"dark"}}"#,
        r#"{"type":"slope:set","params":{"F<b>":"x"}}"#,
        r#"{"type":"slope:set","params":{}}"#,
        r#"{"type":"slope:dance"}"#,
    ] {
        assert!(ignored(answer(&msg(bad), q)), "{bad} is ignored");
    }
    let long = format!(r#"{{"type":"slope:set","f":"{}"}}"#, "x".repeat(10_001));
    assert!(ignored(answer(&msg(&long), q)));
    // 5 000 characters are within the message's limit: the parser refuses them inline.
    let five = format!(r#"{{"type":"slope:set","f":"{}"}}"#, "x".repeat(5_000));
    assert!(matches!(answer(&msg(&five), q), Answer::Set(_)));
}

/// Types an answer into Practice's "Your derivative" field and presses Check.
async fn answer_and_check(host: &Element, answer: &str) {
    let input: HtmlInputElement = find(host, "answer-input").dyn_into().unwrap();
    input.set_value(answer);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    sleep(50).await;
    press(host, "check");
    sleep(150).await;
}

async fn open_practice(hash: &str) -> Element {
    if let Ok(Some(s)) = web_sys::window().unwrap().local_storage() {
        s.clear().unwrap();
    }
    let host = mount_site(hash).await;
    assert_eq!(h1(&host), "Practice");
    wait_until("Practice's Check button", || {
        host.query_selector("[data-testid='check']")
            .unwrap()
            .is_some()
    })
    .await;
    sleep(400).await; // the function is read after the field's debounce
    host
}

#[wasm_bindgen_test]
async fn practice_judges_x_squared_and_keeps_the_sets_progress() {
    let host = open_practice("#/practice?set=7&n=1&f=x%5E2").await;
    let verdict = find(&host, "verdict");
    assert_eq!(verdict.get_attribute("role").as_deref(), Some("status"));
    assert_eq!(
        verdict.get_attribute("aria-label").as_deref(),
        Some("Verdict")
    );
    let labels: Vec<String> = {
        let l = host.query_selector_all("label").unwrap();
        (0..l.length())
            .filter_map(|i| l.item(i).and_then(|n| n.text_content()))
            .collect()
    };
    assert!(
        labels.iter().any(|l| l.starts_with("Function")),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.starts_with("Your derivative")),
        "{labels:?}"
    );
    answer_and_check(&host, "2x").await;
    assert!(
        text(&host, "verdict-line").starts_with("Right"),
        "{}",
        text(&host, "verdict")
    );
    assert!(
        text(&host, "read-as").contains("f′(x) = 2"),
        "{}",
        text(&host, "read-as")
    );
    assert!(host
        .query_selector("[data-testid='compare-plot']")
        .unwrap()
        .is_none());
    answer_and_check(&host, "x^2").await;
    assert!(
        text(&host, "verdict-line").starts_with("Not quite"),
        "{}",
        text(&host, "verdict")
    );
    assert!(text(&host, "verdict-line").contains("(check 2)"));
    assert_eq!(
        text(&host, "counterexample"),
        "At x = 1: f′ is 2, your answer gives 1."
    );
    // The two derivatives drawn, the gap shaded and said.
    let plot = find(&host, "compare-plot");
    wait_until("the comparison plot to be drawn", || {
        plot.query_selector("canvas[data-drawn='true']")
            .unwrap()
            .is_some()
    })
    .await;
    let canvas = plot.query_selector("canvas").unwrap().unwrap();
    assert_eq!(canvas.get_attribute("data-drawn").as_deref(), Some("true"));
    let label = canvas.get_attribute("aria-label").unwrap_or_default()
        + &plot.text_content().unwrap_or_default();
    assert!(label.contains("differs from f′ where shaded"), "{label}");
    // A typo is not a wrong answer: it is shown at the field and not counted.
    answer_and_check(&host, "2x +").await;
    assert!(!text(&host, "answer-error").is_empty());
    assert!(text(&host, "verdict-line").contains("(check 2)"));
    // A function of one's own leads back to the set's exercise.
    assert_eq!(text(&host, "exercise"), "Your own function");
    assert_eq!(
        find(&host, "set-exercise").get_attribute("href").as_deref(),
        Some("#/practice?set=7&n=1")
    );
    // A function of one's own is not part of the set's progress.
    assert!(
        text(&host, "progress").contains("0 of 10 right"),
        "{}",
        text(&host, "progress")
    );
    unmount_site(host).await;

    // An exercise of the set: counted, kept, reset.
    let host = open_practice("#/practice?set=7&n=3").await;
    let f = slope::ui::lessons::practice::set(7)[2].2.clone();
    let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
    assert_eq!(input.value(), f);
    let right = slope::math::to_text(&slope::math::Study::parse(&f).unwrap().derivation.result);
    answer_and_check(&host, &right).await;
    assert!(
        text(&host, "verdict-line").starts_with("Right"),
        "{f}: {right}"
    );
    assert_eq!(
        text(&host, "progress"),
        "Set 7: 1 of 10 right, 1 on the first try, 0 hints used."
    );
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("slope-practice-1:set-7")
        .unwrap()
        .unwrap();
    assert!(
        stored.starts_with("slope-practice-1 7 0.0.0.0 0.0.0.0 1.1.1.0"),
        "{stored}"
    );
    unmount_site(host).await;
    // Corrupt storage is a fresh start, not a crash.
    let s = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let host = mount_site("#/practice?set=7&n=3").await;
    assert!(text(&host, "progress").contains("1 of 10 right"));
    press(&host, "reset");
    sleep(50).await;
    assert!(text(&host, "progress").contains("0 of 10 right"));
    assert!(s.get_item("slope-practice-1:set-7").unwrap().is_none());
    unmount_site(host).await;
    s.set_item("slope-practice-1:set-7", "{\"garbage\": true}")
        .unwrap();
    let host = mount_site("#/practice?set=7&n=3").await;
    assert!(text(&host, "progress").contains("0 of 10 right"));
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn practice_names_the_chain_rules_missing_inner_derivative_at_its_step() {
    let host = open_practice("#/practice?f=sin(x%5E2)").await;
    answer_and_check(&host, "cos(x^2)").await;
    let m = text(&host, "mistake");
    assert!(m.starts_with("In the chain rule for sin(x²)"), "{m}");
    assert!(m.contains("x² → 2x"), "{m}");
    let slipped = host
        .query_selector("[data-testid='steps'] li.slipped")
        .unwrap()
        .expect("the step where it slipped is marked");
    assert_eq!(slipped.get_attribute("data-rule").as_deref(), Some("Chain"));
    assert!(slipped
        .text_content()
        .unwrap()
        .starts_with("Where it slipped"));
    // No mistake explains this one: a hint on request.
    answer_and_check(&host, "x^3 + 7").await;
    assert!(host
        .query_selector("[data-testid='mistake']")
        .unwrap()
        .is_none());
    assert!(host
        .query_selector("[data-testid='hint']")
        .unwrap()
        .is_none());
    press(&host, "show-hint");
    sleep(50).await;
    assert!(
        text(&host, "hint").contains("Start with the chain rule"),
        "{}",
        text(&host, "hint")
    );
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn practice_finds_the_negative_x_where_1_is_not_the_derivative_of_the_root_of_x_squared() {
    let host = open_practice("#/practice?f=sqrt(x%5E2)").await;
    answer_and_check(&host, "1").await;
    assert!(text(&host, "verdict-line").starts_with("Not quite"));
    assert_eq!(
        text(&host, "counterexample"),
        "At x = −1: f′ is −1, your answer gives 1."
    );
    answer_and_check(&host, "x/abs(x)").await;
    assert!(text(&host, "verdict-line").starts_with("Right"));
    unmount_site(host).await;
}

#[wasm_bindgen_test]
async fn a_seeded_address_gives_every_student_the_same_set() {
    use slope::ui::lessons::practice::{rule_name, set};
    let expected = set(42);
    for n in [1usize, 10] {
        let host = open_practice(&format!("#/practice?set=42&n={n}")).await;
        let input: HtmlInputElement = find(&host, "function-input").dyn_into().unwrap();
        assert_eq!(input.value(), expected[n - 1].2);
        let title = text(&host, "exercise");
        assert_eq!(
            title,
            format!(
                "Set 42 · exercise {n} of 10 · {}",
                rule_name(expected[n - 1].0)
            )
        );
        // Previous on the first, Next on the last are not there.
        assert_eq!(
            host.query_selector("[data-testid='previous-exercise']")
                .unwrap()
                .is_some(),
            n > 1
        );
        assert_eq!(
            host.query_selector("[data-testid='next-exercise']")
                .unwrap()
                .is_some(),
            n < 10
        );
        unmount_site(host).await;
    }
}

#[wasm_bindgen_test]
async fn escape_closes_the_contents_and_gives_the_focus_back_to_its_button() {
    let host = mount_site("#/power-rule").await;
    press(&host, "toc-toggle");
    sleep(50).await;
    let toc = find(&host, "toc");
    let toggle = find(&host, "toc-toggle");
    assert!(toc.class_list().contains("open"));
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let link = toc.query_selector("a").unwrap().unwrap();
    key(&link, "Escape", false).await;
    sleep(50).await;
    assert!(!toc.class_list().contains("open"));
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(document().active_element().is_some_and(|a| a == toggle));
    // Closed, Escape does nothing to it.
    key(&toggle, "Escape", false).await;
    sleep(50).await;
    assert!(!toc.class_list().contains("open"));
    unmount_site(host).await;
}
