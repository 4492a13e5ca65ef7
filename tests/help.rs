//! Browser tests of ヘルプ: the index, an article with このページをPDF出力, routing to an article and
//! to one of its sections (also from a help link, client-side), and この記事は役に立ちましたか?.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mdm_console::components::HelpLink;
use mdm_console::pages::help::{
    adopted_page_rules, Article, ArticleView, FeedbackView, HelpIndexView, HelpTopic,
};
use mdm_model::Lang;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/help_dom.rs"]
mod dom;
#[path = "support/wait.rs"]
mod wait;

use dom::{mount, mount_routed};

/// Lets the reactive system, the router and the next animation frames run (the article
/// scrolls to its section in a frame): events to wait for, not lengths of time.
async fn settle() {
    for _ in 0..3 {
        wait::settle().await;
        wait::next_frame().await;
    }
}

fn focused_id() -> Option<String> {
    document().active_element().map(|el| el.id())
}

#[wasm_bindgen_test]
fn the_index_lists_every_article_with_its_sections() {
    let page = mount(Lang::Ja, || view! { <HelpIndexView/> });
    assert_eq!(page.text("page-title"), "ヘルプ");
    let index = page.find("help-index");
    assert_eq!(index.children().length(), 6);
    let card = page.find("help-card-wipe-lost-device");
    let title = card.query_selector("h2 a").unwrap().unwrap();
    assert_eq!(
        title.get_attribute("href").as_deref(),
        Some("/help/wipe-lost-device")
    );
    assert_eq!(
        title.text_content().unwrap(),
        "紛失した端末を遠隔初期化する"
    );
    assert!(card
        .query_selector("a[href='/help/wipe-lost-device#delete-info']")
        .unwrap()
        .is_some_and(|a| a.text_content().unwrap() == "端末の一般情報・端末タグ情報を削除する"));
    assert!(page.text("help-card-hybrid-mdm").contains("Hybrid MDM方式"));
}

#[wasm_bindgen_test]
fn the_index_is_in_english_when_english_was_chosen() {
    let page = mount(Lang::En, || view! { <HelpIndexView/> });
    assert_eq!(page.text("page-title"), "Help");
    assert!(page
        .text("help-card-reenrollment")
        .contains("Conditions for automatic re-enrollment"));
    assert_eq!(
        page.attr("help-index", "aria-label").as_deref(),
        Some("Help articles")
    );
}

#[wasm_bindgen_test]
async fn an_article_shows_its_text_and_saves_as_pdf_through_the_print_button() {
    let prints = RwSignal::new(0);
    let page = mount(Lang::Ja, move || {
        view! {
            <ArticleView article=Article::WipeLostDevice on_print=Callback::new(move |_| prints.update(|n| *n += 1))/>
        }
    });
    assert_eq!(page.text("page-title"), "紛失した端末を遠隔初期化する");
    let article = page.text("help-article");
    for field in [
        "氏名",
        "社員番号",
        "電話番号",
        "メールアドレス",
        "備考",
        "端末タグ",
    ] {
        assert!(article.contains(field), "{field}");
    }
    assert_eq!(page.text("help-print"), "このページをPDF出力");
    page.find("help-print").click();
    leptos::task::tick().await;
    assert_eq!(prints.get_untracked(), 1);
    // Sections carry their anchors, so help links and the contents can point at them.
    assert_eq!(page.select("#schedule").tag_name(), "H2");
    assert_eq!(
        page.select("#delete-info")
            .get_attribute("tabindex")
            .as_deref(),
        Some("-1")
    );
}

#[wasm_bindgen_test]
async fn feedback_sends_the_answer_thanks_and_lets_it_change() {
    let recorded = RwSignal::new(None::<bool>);
    let sending = RwSignal::new(None::<bool>);
    let error = RwSignal::new(None::<String>);
    let answers = RwSignal::new(Vec::<bool>::new());
    let page = mount(Lang::Ja, move || {
        view! {
            <FeedbackView
                recorded=recorded
                sending=sending
                error=error
                on_answer=Callback::new(move |helpful| answers.update(|all| all.push(helpful)))
                recorded_comment=Signal::derive(|| None::<String>)
                on_comment=Callback::new(|_: String| {})
            />
        }
    });
    assert!(page
        .text("help-feedback")
        .starts_with("この記事は役に立ちましたか?"));
    assert_eq!(page.get("help-feedback-thanks"), None);
    assert_eq!(
        page.attr("help-feedback-yes", "aria-pressed").as_deref(),
        Some("false")
    );

    page.find("help-feedback-yes").click();
    leptos::task::tick().await;
    assert_eq!(answers.get_untracked(), vec![true]);

    // On its way: both buttons wait, the chosen one says so.
    sending.set(Some(true));
    leptos::task::tick().await;
    assert!(page.find("help-feedback-no").has_attribute("disabled"));
    assert_eq!(page.text("help-feedback-yes"), "送信中…");

    // Recorded: thanks, and the answer shows as pressed.
    sending.set(None);
    recorded.set(Some(true));
    leptos::task::tick().await;
    assert!(page
        .text("help-feedback-thanks")
        .contains("ご回答ありがとうございました。"));
    assert_eq!(
        page.attr("help-feedback-yes", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        page.attr("help-feedback-no", "aria-pressed").as_deref(),
        Some("false")
    );

    // A second answer changes the first.
    page.find("help-feedback-no").click();
    leptos::task::tick().await;
    assert_eq!(answers.get_untracked(), vec![true, false]);
    recorded.set(Some(false));
    leptos::task::tick().await;
    assert_eq!(
        page.attr("help-feedback-no", "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        page.attr("help-feedback-yes", "aria-pressed").as_deref(),
        Some("false")
    );

    error.set(Some("ポータルに接続できませんでした。".into()));
    leptos::task::tick().await;
    assert_eq!(
        page.attr("help-feedback-error", "role").as_deref(),
        Some("alert")
    );
}

#[wasm_bindgen_test]
fn help_links_point_at_the_section_of_their_rule() {
    let page = mount(Lang::Ja, || {
        HelpTopic::ALL
            .into_iter()
            .map(|topic| view! { <HelpLink topic=topic/> })
            .collect_view()
    });
    let expected = [
        (
            "help-link-delete-info",
            "/help/wipe-lost-device#delete-info",
        ),
        ("help-link-schedule", "/help/wipe-lost-device#schedule"),
        ("help-link-wifi", "/help/reenrollment#wifi"),
        ("help-link-hybrid", "/help/hybrid-mdm#pair"),
    ];
    for (test_id, href) in expected {
        assert_eq!(
            page.attr(test_id, "href").as_deref(),
            Some(href),
            "{test_id}"
        );
        assert_eq!(page.text(test_id), "ヘルプ");
    }
    assert_eq!(
        page.attr("help-link-delete-info", "aria-label").as_deref(),
        Some("ヘルプ: 端末の一般情報・端末タグ情報を削除する")
    );
}

#[wasm_bindgen_test]
async fn an_address_with_an_anchor_opens_the_article_at_that_section() {
    let page = mount_routed(Lang::Ja, "/help/reenrollment#wifi");
    settle().await;
    assert_eq!(page.text("page-title"), "遠隔初期化後の自動再登録の条件");
    assert_eq!(focused_id().as_deref(), Some("wifi"));
    assert!(page
        .select("section[aria-labelledby='wifi']")
        .has_attribute("data-help-target"));
    let current = page.select("[data-testid='help-toc'] a[aria-current='location']");
    assert_eq!(
        current.get_attribute("href").as_deref(),
        Some("/help/reenrollment#wifi")
    );
    // Printed pages name the page's address and the time of printing.
    let page_box = adopted_page_rules();
    assert!(
        page_box.contains("@page") && page_box.contains("/help/reenrollment\u{3000}印刷日時: "),
        "{page_box}"
    );
}

#[wasm_bindgen_test]
async fn a_help_link_in_the_wizard_opens_its_section_client_side() {
    let page = mount_routed(Lang::En, "/wizard");
    settle().await;
    page.find("help-link-schedule").click();
    settle().await;
    assert_eq!(
        window().location().pathname().unwrap(),
        "/help/wipe-lost-device"
    );
    assert_eq!(window().location().hash().unwrap(), "#schedule");
    assert_eq!(page.text("page-title"), "Remotely wiping a lost device");
    assert_eq!(focused_id().as_deref(), Some("schedule"));
    // Printed, it names its own address, not the wizard's it was opened from.
    assert!(adopted_page_rules().contains("/help/wipe-lost-device   Printed "));

    // The contents move within the article, and the breadcrumb leads back to the index.
    page.select("[data-testid='help-toc'] a[href='/help/wipe-lost-device#not-wipeable']")
        .click();
    settle().await;
    assert_eq!(focused_id().as_deref(), Some("not-wipeable"));
    page.find("help-breadcrumb-index").click();
    settle().await;
    assert_eq!(window().location().pathname().unwrap(), "/help");
    assert!(page.get("help-index").is_some());

    // From the index straight to a section (the index page leaves, the article page comes).
    page.select("[data-testid='help-card-hybrid-mdm'] a[href='/help/hybrid-mdm#ivi-delay']")
        .click();
    settle().await;
    assert_eq!(
        page.attr("help-article", "data-article").as_deref(),
        Some("hybrid-mdm")
    );
    assert_eq!(focused_id().as_deref(), Some("ivi-delay"));
}

#[wasm_bindgen_test]
async fn an_unknown_article_says_so_and_the_portal_name_of_one_opens_it() {
    let page = mount_routed(Lang::Ja, "/help/no-such-article");
    settle().await;
    assert_eq!(page.text("page-title"), "記事が見つかりません");
    let back = page
        .find("help-not-found")
        .query_selector("a[href='/help']");
    assert!(back.unwrap().is_some());
    drop(page);

    let page = mount_routed(Lang::Ja, "/help/hybrid-mdm-execution-conditions#ivi-delay");
    settle().await;
    let shown = page.attr("help-article", "data-article");
    assert_eq!(shown.as_deref(), Some("hybrid-mdm"));
    assert_eq!(focused_id().as_deref(), Some("ivi-delay"));
}

// Guards the gap where a comment could be typed but was never sent: it must reach the portal
// trimmed, and an overlong one must be refused beside the box without calling the portal.
#[wasm_bindgen_test]
async fn feedback_comment_follows_the_model_rule_before_it_is_sent() {
    let recorded = RwSignal::new(None::<bool>);
    let recorded_comment = RwSignal::new(None::<String>);
    let comments = RwSignal::new(Vec::<String>::new());
    let page = mount(Lang::Ja, move || {
        view! {
            <FeedbackView
                recorded=recorded
                sending=Signal::derive(|| None::<bool>)
                error=Signal::derive(|| None::<String>)
                on_answer=Callback::new(|_: bool| {})
                recorded_comment=recorded_comment
                on_comment=Callback::new(move |comment| comments.update(|all| all.push(comment)))
            />
        }
    });
    // No box before an answer: a comment belongs to an answer.
    assert_eq!(page.get("help-feedback-comment"), None);
    recorded.set(Some(false));
    leptos::task::tick().await;

    let input = page.find("help-feedback-comment");
    set_textarea(
        &input,
        &"あ".repeat(mdm_model::help::FEEDBACK_COMMENT_MAX_CHARS + 1),
    );
    page.find("help-feedback-comment-send").click();
    leptos::task::tick().await;
    assert!(page
        .text("help-feedback-comment-error")
        .contains("1000文字以内"));
    assert!(comments.get_untracked().is_empty());

    set_textarea(&input, "  手順の画像がほしい  ");
    page.find("help-feedback-comment-send").click();
    leptos::task::tick().await;
    assert_eq!(
        comments.get_untracked(),
        vec!["手順の画像がほしい".to_string()]
    );
    assert_eq!(page.text("help-feedback-comment-error"), "");

    recorded_comment.set(Some("手順の画像がほしい".into()));
    leptos::task::tick().await;
    assert_eq!(
        page.text("help-feedback-comment-saved"),
        "コメントを受け付けました。"
    );
}

// Types into a textarea the way the browser reports it: the value changes, then `input` fires.
fn set_textarea(element: &web_sys::HtmlElement, value: &str) {
    js_sys::Reflect::set(element, &"value".into(), &value.into()).expect("the value is set");
    let event = web_sys::Event::new("input").expect("an input event");
    element
        .dispatch_event(&event)
        .expect("the event is dispatched");
}
