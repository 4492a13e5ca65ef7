//! CSV export of the device table: every device matching a filter, one row each, in the dialect
//! of [`crate::csv`]. The last-seen header names the zone its times are written in.

use super::{Device, DeviceSortKey};
use crate::csv::{header_line, push_line, time_header, yes_no};
use crate::group::GroupForest;
use crate::job::GROUP_PATH_SEPARATOR;
use crate::time::{format_datetime, Zone};
use crate::Lang;

/// Headers the device table has no sort key for, Japanese and English.
const EXTRA: [(&str, &str); 6] = [
    ("端末ID", "Device ID"),
    ("OSバージョン", "OS version"),
    ("メールアドレス", "E-mail"),
    ("グループ", "Group"),
    ("登録方法", "Enrollment"),
    ("eSIM", "eSIM"),
];

fn extra(index: usize, lang: Lang) -> String {
    let (ja, en) = EXTRA[index];
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
    .to_string()
}

/// The start of the file: the byte-order mark and the header line in `lang`. Columns the table
/// shows carry the table's own titles.
pub fn devices_csv_header(lang: Lang, zone: Zone) -> String {
    let key = |k: DeviceSortKey| k.label(lang).to_string();
    let headers = [
        extra(0, lang),
        key(DeviceSortKey::Name),
        key(DeviceSortKey::Os),
        extra(1, lang),
        key(DeviceSortKey::Model),
        key(DeviceSortKey::SerialNumber),
        key(DeviceSortKey::User),
        key(DeviceSortKey::EmployeeNumber),
        key(DeviceSortKey::PhoneNumber),
        extra(2, lang),
        extra(3, lang),
        key(DeviceSortKey::Method),
        extra(4, lang),
        key(DeviceSortKey::Ownership),
        extra(5, lang),
        key(DeviceSortKey::Status),
        time_header(DeviceSortKey::LastSeen.label(lang), zone),
        key(DeviceSortKey::Tags),
    ];
    header_line(&headers)
}

/// The lines of the given devices, each ending in CRLF; groups as their path from the root.
pub fn devices_csv_rows<'a>(
    devices: impl IntoIterator<Item = &'a Device>,
    groups: &GroupForest,
    lang: Lang,
    zone: Zone,
) -> String {
    let mut out = String::new();
    for d in devices {
        let group_path: Vec<&str> = groups
            .path(d.group_id)
            .iter()
            .map(|g| g.name.as_str())
            .collect();
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let cells = [
            d.id.to_string(),
            d.name.clone(),
            d.os.label(lang).to_string(),
            d.os_version.to_string(),
            d.model.clone(),
            d.serial_number.clone(),
            text(&d.user_full_name),
            text(&d.employee_number),
            text(&d.phone_number),
            text(&d.email),
            group_path.join(GROUP_PATH_SEPARATOR),
            d.management_method.label(lang).to_string(),
            d.enrollment.label(lang).to_string(),
            d.ownership.label(lang).to_string(),
            yes_no(d.esim, lang).to_string(),
            d.status().label(lang).to_string(),
            format_datetime(d.last_seen_at, zone),
            d.tags.join(", "),
        ];
        push_line(&mut out, &cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::fixtures::iphone;
    use crate::group::Group;
    use crate::ids::GroupId;

    fn groups() -> GroupForest {
        let group = |id, parent: Option<i64>, name: &str| Group {
            id: GroupId(id),
            parent_id: parent.map(GroupId),
            name: name.into(),
        };
        GroupForest::new(vec![group(1, None, "本社"), group(2, Some(1), "営業部")]).unwrap()
    }

    #[test]
    fn japanese_headers_name_the_zone_of_last_seen() {
        let header = devices_csv_header(Lang::Ja, Zone::JAPAN);
        assert!(header.starts_with("\u{feff}端末ID,端末名,OS,OSバージョン,機種,シリアル番号,"));
        assert!(
            header.ends_with(",状態,最終接続日時 (Asia/Tokyo),端末タグ\r\n"),
            "{header}"
        );
        assert!(devices_csv_header(Lang::En, Zone::UTC).contains(",Status,Last seen (UTC),Tags"));
    }

    #[test]
    fn a_row_per_device_with_its_group_path_and_local_time() {
        let mut second = iphone(2);
        second.group_id = GroupId(2);
        second.name = "=cmd".into();
        second.user_full_name = None;
        let rows = devices_csv_rows(&[iphone(1), second], &groups(), Lang::Ja, Zone::JAPAN);
        let lines: Vec<&str> = rows.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            "1,iPhone-001,iOS,17.4,iPhone 15,F2LX00000001,山田 太郎,E0001,090-1234-5678,\
             yamada@example.co.jp,本社,Apple MDM方式,DEP(自動デバイス登録),会社支給,はい,\
             オンライン,2026/11/26 14:00,\"営業, 東京\""
        );
        assert!(
            lines[1].starts_with("2,'=cmd,iOS,17.4,iPhone 15,F2LX00000002,,E0001,"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(",本社 / 営業部,"), "{}", lines[1]);
    }
}
