use super::*;
use mdm_model::ids::DeviceId;
use mdm_model::ApiErrorBody;

fn selection() -> WipeSelection {
    WipeSelection::Devices {
        device_ids: vec![DeviceId(1)],
    }
}

fn refusal(code: ErrorCode, field: Option<&str>, message: &str) -> ApiError {
    let mut body = ApiErrorBody::new(code, Lang::Ja);
    body.field = field.map(str::to_string);
    body.message = message.to_string();
    ApiError::Api {
        status: code.http_status(),
        body,
    }
}

#[test]
fn each_measure_shows_its_own_fields_and_the_pin_only_with_a_mac() {
    assert_eq!(
        option_fields(Measure::Lock, false),
        [MeasureField::Message, MeasureField::PhoneNumber]
    );
    assert!(option_fields(Measure::Lock, true).contains(&MeasureField::Pin));
    assert_eq!(option_fields(Measure::LostModeOn, true).len(), 3);
    assert_eq!(
        option_fields(Measure::RemoveCompanyData, false),
        [MeasureField::ReasonMessage]
    );
    for measure in [Measure::LostModeOff, Measure::Locate, Measure::PlaySound] {
        assert!(option_fields(measure, true).is_empty(), "{measure:?}");
    }
}

#[test]
fn the_request_carries_trimmed_text_and_no_pin_without_a_mac() {
    let form = MeasureForm {
        message: "  拾った方はご連絡ください ".into(),
        phone_number: " ".into(),
        pin: "123456".into(),
        password: "Demo#2026".into(),
        agreed: true,
        ..Default::default()
    };
    let request = form.request(Measure::Lock, &selection(), false).unwrap();
    assert_eq!(
        request.options,
        MeasureOptions::Lock(LockOptions {
            message: Some("拾った方はご連絡ください".into()),
            phone_number: None,
            pin: None,
        })
    );
    let with_mac = form.request(Measure::Lock, &selection(), true).unwrap();
    assert!(matches!(
        with_mac.options,
        MeasureOptions::Lock(LockOptions { pin: Some(_), .. })
    ));
    assert!(form.request(Measure::Wipe, &selection(), false).is_none());
    // The location request needs no agreement; the request says so for the portal.
    let locate = MeasureForm::default()
        .request(Measure::Locate, &selection(), false)
        .unwrap();
    assert!(locate.agreed);
}

#[test]
fn a_missing_message_waits_for_ok_but_a_too_long_one_shows_at_once() {
    let empty = MeasureForm::default().check(Measure::LostModeOn, false);
    assert_eq!(empty.problems, [MeasureProblem::MessageOrPhoneRequired]);
    assert!(Messages::from_check(&empty, false, Lang::Ja)
        .fields
        .is_empty());
    let after_ok = Messages::from_check(&empty, true, Lang::Ja);
    assert_eq!(
        after_ok.for_field(FormField::Option(MeasureField::Message)),
        [MeasureProblem::MessageOrPhoneRequired.label(Lang::Ja)]
    );
    assert_eq!(
        after_ok.for_field(FormField::Password),
        ["パスワードを入力してください。"]
    );
    let long = MeasureForm {
        message: "あ".repeat(201),
        ..Default::default()
    };
    let typed = Messages::from_check(&long.check(Measure::Lock, false), false, Lang::En);
    assert_eq!(
        typed.first_field(),
        Some(FormField::Option(MeasureField::Message))
    );
    assert_eq!(
        typed.fields[0].1,
        MeasureProblem::MessageTooLong.label(Lang::En)
    );
}

#[test]
fn the_portals_refusals_go_next_to_the_field_they_name() {
    let wrong = refusal(
        ErrorCode::WrongPassword,
        None,
        "パスワードが正しくありません。",
    );
    assert_eq!(
        Messages::from_refusal(&wrong, Lang::Ja).first_field(),
        Some(FormField::Password)
    );
    let phone = refusal(
        ErrorCode::ValidationFailed,
        Some("phone_number"),
        "電話番号は24文字以内の数字で入力してください。",
    );
    assert_eq!(
        Messages::from_refusal(&phone, Lang::Ja).fields,
        [(
            FormField::Option(MeasureField::PhoneNumber),
            "電話番号は24文字以内の数字で入力してください。".to_string()
        )]
    );
    let other = refusal(
        ErrorCode::MeasureNotApplicable,
        Some("selection"),
        "選択した対策を行えない端末が含まれています。(遠隔ロック: iPhone-002)",
    );
    let placed = Messages::from_refusal(&other, Lang::Ja);
    assert!(placed.fields.is_empty());
    assert_eq!(
        placed.general,
        ["選択した対策を行えない端末が含まれています。(遠隔ロック: iPhone-002)"]
    );
}

#[test]
fn every_problem_of_a_validation_refusal_is_placed_in_the_current_language() {
    let request = MeasureRequest {
        selection: WipeSelection::Devices { device_ids: vec![] },
        options: MeasureOptions::LostModeOn(LostModeOptions::default()),
        password: "x".into(),
        agreed: false,
        skip_not_applicable: false,
    };
    let body = mdm_model::measure::MeasureRefusal::Problems(mdm_model::measure::request_problems(
        &request,
    ))
    .to_api_error(Measure::LostModeOn, Lang::Ja);
    let error = ApiError::Api { status: 422, body };
    let placed = Messages::from_refusal(&error, Lang::En);
    assert_eq!(
        placed.fields,
        [
            (
                FormField::Option(MeasureField::Message),
                MeasureProblem::MessageOrPhoneRequired
                    .label(Lang::En)
                    .to_string()
            ),
            (
                FormField::Agreed,
                MeasureProblem::AgreementRequired
                    .label(Lang::En)
                    .to_string()
            ),
        ]
    );
    assert_eq!(
        placed.general,
        [MeasureProblem::NoDevicesSelected.label(Lang::En)]
    );
}

#[test]
fn ok_waits_for_the_agreement_the_preview_and_a_decision_about_the_left_out() {
    let ready = |applicable, left_out| PreviewState::Ready {
        applicable,
        left_out,
    };
    let mut form = MeasureForm::default();
    assert_eq!(
        blockers(&form, Measure::Lock, PreviewState::Loading),
        [Blocker::NotAgreed, Blocker::PreviewLoading]
    );
    assert_eq!(
        blockers(&form, Measure::Locate, ready(2, 0)),
        [],
        "the location request needs no agreement"
    );
    form.agreed = true;
    assert_eq!(
        blockers(&form, Measure::Lock, ready(2, 1)),
        [Blocker::LeftOut(1)]
    );
    form.skip_not_applicable = true;
    assert!(blockers(&form, Measure::Lock, ready(2, 1)).is_empty());
    assert_eq!(
        blockers(&form, Measure::Lock, ready(0, 3)),
        [Blocker::Nothing]
    );
}
