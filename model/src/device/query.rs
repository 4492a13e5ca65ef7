//! Which devices a list or a wipe selection covers: filter, search semantics, sort, paging.

use serde::{Deserialize, Serialize};

use super::{Device, DeviceMark, DeviceStatus, ManagementMethod, Os, Ownership};
use crate::ids::GroupId;
use crate::paging::{PageRequest, SortOrder};
use crate::query::{ParamProblem, QueryParamError, QueryReader, QueryWriter};
use crate::vocabulary::vocabulary;

/// Longest search text accepted, in characters.
pub const MAX_SEARCH_LENGTH: usize = 200;

/// The devices matching a set of criteria. Used by the device table (as query parameters) and by
/// a wipe of "every device matching" (as JSON), so both always mean the same devices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeviceFilter {
    /// Search text: see [`search_terms`] and [`DeviceFilter::matches`].
    pub q: Option<String>,
    /// Only devices of this group (and, with `include_subgroups`, of its descendants).
    pub group: Option<GroupId>,
    pub include_subgroups: bool,
    pub os: Option<Os>,
    pub ownership: Option<Ownership>,
    pub method: Option<ManagementMethod>,
    pub status: Option<DeviceStatus>,
    /// Only devices in lost mode, or only locked devices.
    pub mark: Option<DeviceMark>,
}

impl Default for DeviceFilter {
    fn default() -> Self {
        DeviceFilter {
            q: None,
            group: None,
            include_subgroups: true,
            os: None,
            ownership: None,
            method: None,
            status: None,
            mark: None,
        }
    }
}

/// Splits search text into lower-case terms (any whitespace, including the full-width space
/// Japanese keyboards type, separates terms).
pub fn search_terms(q: &str) -> Vec<String> {
    q.split_whitespace().map(str::to_lowercase).collect()
}

fn digits_only(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

fn term_matches(term: &str, device: &Device) -> bool {
    let texts = [
        Some(device.name.as_str()),
        Some(device.serial_number.as_str()),
        device.phone_number.as_deref(),
        device.user_full_name.as_deref(),
        device.employee_number.as_deref(),
    ];
    if texts
        .iter()
        .flatten()
        .any(|text| text.to_lowercase().contains(term))
    {
        return true;
    }
    // Phone numbers are typed with or without hyphens: compare the digits when the term is one.
    let term_digits = digits_only(term);
    let looks_like_phone = !term_digits.is_empty()
        && term
            .chars()
            .all(|c| c.is_ascii_digit() || "-+() ".contains(c));
    looks_like_phone
        && device
            .phone_number
            .as_deref()
            .is_some_and(|phone| digits_only(phone).contains(&term_digits))
}

impl DeviceFilter {
    /// Whether the filter has any criterion at all (none means the whole fleet).
    pub fn is_unrestricted(&self) -> bool {
        self.q.as_deref().is_none_or(|q| q.trim().is_empty())
            && self.group.is_none()
            && self.os.is_none()
            && self.ownership.is_none()
            && self.method.is_none()
            && self.status.is_none()
            && self.mark.is_none()
    }

    /// The reference meaning of the filter for one device. `in_group_scope` answers whether a
    /// group is within the chosen group (see `GroupForest::scope`); it is only consulted when a
    /// group is chosen. Every search term must occur, case-insensitively, in the name, serial
    /// number, phone number, user's full name or employee number.
    pub fn matches(&self, device: &Device, in_group_scope: impl Fn(GroupId) -> bool) -> bool {
        let criteria_hold = self.os.is_none_or(|os| device.os == os)
            && self.ownership.is_none_or(|o| device.ownership == o)
            && self.method.is_none_or(|m| device.management_method == m)
            && self.status.is_none_or(|s| device.status() == s)
            && self.mark.is_none_or(|m| device.has_mark(m))
            && (self.group.is_none() || in_group_scope(device.group_id));
        criteria_hold
            && self.q.as_deref().is_none_or(|q| {
                search_terms(q)
                    .iter()
                    .all(|term| term_matches(term, device))
            })
    }

    /// Reads the filter parameters (`q`, `group`, `subgroups`, `os`, `ownership`, `method`,
    /// `status`, `mark`).
    pub fn from_query(reader: &QueryReader<'_>) -> Result<DeviceFilter, QueryParamError> {
        let q = reader.text("q");
        if let Some(q) = &q {
            let length = q.chars().count();
            if length > MAX_SEARCH_LENGTH {
                return Err(QueryParamError::new(
                    "q",
                    ParamProblem::OutOfRange {
                        min: 0,
                        max: MAX_SEARCH_LENGTH as u64,
                    },
                ));
            }
        }
        Ok(DeviceFilter {
            q,
            group: reader.parse("group")?,
            include_subgroups: reader.parse("subgroups")?.unwrap_or(true),
            os: reader.parse("os")?,
            ownership: reader.parse("ownership")?,
            method: reader.parse("method")?,
            status: reader.parse("status")?,
            mark: reader.parse("mark")?,
        })
    }

    pub fn write(&self, writer: QueryWriter) -> QueryWriter {
        writer
            .opt("q", self.q.as_deref())
            .opt("group", self.group)
            .unless_default("subgroups", self.include_subgroups, true)
            .opt("os", self.os)
            .opt("ownership", self.ownership)
            .opt("method", self.method)
            .opt("status", self.status)
            .opt("mark", self.mark)
    }
}

vocabulary! {
    /// A column the device table sorts by; the label is the column header.
    #[derive(Default)]
    pub enum DeviceSortKey {
        #[default]
        Name = "name", ja: "端末名", en: "Name";
        /// By OS family, then version.
        Os = "os", ja: "OS", en: "OS";
        Model = "model", ja: "機種", en: "Model";
        User = "user", ja: "利用者", en: "User";
        PhoneNumber = "phone_number", ja: "電話番号", en: "Phone number";
        Method = "method", ja: "管理方式", en: "Method";
        Ownership = "ownership", ja: "所有区分", en: "Ownership";
        Status = "status", ja: "状態", en: "Status";
        LastSeen = "last_seen", ja: "最終接続日時", en: "Last seen";
        /// By the tags joined in their order.
        Tags = "tags", ja: "端末タグ", en: "Tags";
        SerialNumber = "serial_number", ja: "シリアル番号", en: "Serial number";
        EmployeeNumber = "employee_number", ja: "社員番号", en: "Employee number";
    }
}

/// `GET /api/devices` parameters: a filter, a sort and a page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceQuery {
    pub filter: DeviceFilter,
    pub sort: DeviceSortKey,
    pub order: SortOrder,
    pub page: PageRequest,
}

impl DeviceQuery {
    /// Reads and checks every parameter; the first bad one is reported.
    pub fn from_query(reader: &QueryReader<'_>) -> Result<DeviceQuery, QueryParamError> {
        Ok(DeviceQuery {
            filter: DeviceFilter::from_query(reader)?,
            sort: reader.parse("sort")?.unwrap_or_default(),
            order: reader.parse("order")?.unwrap_or_default(),
            page: PageRequest::from_query(reader)?,
        })
    }

    /// The query-string pairs, defaults left out.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let writer = self.filter.write(QueryWriter::new());
        let writer = writer
            .unless_default("sort", self.sort, DeviceSortKey::default())
            .unless_default("order", self.order, SortOrder::default());
        self.page.write(writer).into_pairs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::device::fixtures::iphone;

    fn filter_q(q: &str) -> DeviceFilter {
        DeviceFilter {
            q: Some(q.to_string()),
            ..Default::default()
        }
    }

    #[test]
    fn search_covers_name_serial_phone_user_and_employee_number() {
        let device = iphone(12);
        for q in [
            "iphone-012",
            "f2lx00000012",
            "090-1234",
            "山田",
            "e0001",
            "09012345678",
        ] {
            assert!(filter_q(q).matches(&device, |_| true), "{q} should match");
        }
        // E-mail and notes are not searched.
        assert!(!filter_q("example.co.jp").matches(&device, |_| true));
        assert!(!filter_q("営業部").matches(&device, |_| true));
    }

    #[test]
    fn every_term_must_match_and_full_width_spaces_separate_terms() {
        let device = iphone(12);
        assert!(filter_q("山田\u{3000}E0001").matches(&device, |_| true));
        assert!(!filter_q("山田 佐藤").matches(&device, |_| true));
    }

    #[test]
    fn criteria_and_group_scope_combine() {
        let device = iphone(1);
        let byod = DeviceFilter {
            ownership: Some(Ownership::Byod),
            ..Default::default()
        };
        assert!(!byod.matches(&device, |_| true));
        let grouped = DeviceFilter {
            group: Some(GroupId(9)),
            ..Default::default()
        };
        assert!(!grouped.matches(&device, |g| g == GroupId(9)));
        assert!(grouped.matches(&device, |g| g == GroupId(1)));
        let ios_online = DeviceFilter {
            os: Some(Os::Ios),
            status: Some(DeviceStatus::Online),
            ..Default::default()
        };
        assert!(ios_online.matches(&device, |_| true));
    }

    #[test]
    fn query_round_trips_through_pairs() {
        let query = DeviceQuery {
            filter: DeviceFilter {
                q: Some("山田".into()),
                group: Some(GroupId(4)),
                include_subgroups: false,
                os: Some(Os::IpadOs),
                ownership: Some(Ownership::Company),
                method: Some(ManagementMethod::Hybrid),
                status: Some(DeviceStatus::PoweredOff),
                mark: Some(DeviceMark::LostMode),
            },
            sort: DeviceSortKey::LastSeen,
            order: SortOrder::Desc,
            page: PageRequest {
                page: 3,
                per_page: 100,
            },
        };
        let pairs = query.to_query_pairs();
        let reader = QueryReader::new(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(DeviceQuery::from_query(&reader), Ok(query));
    }

    #[test]
    fn default_query_has_no_parameters() {
        assert!(DeviceQuery::default().to_query_pairs().is_empty());
        assert!(DeviceQuery::default().filter.include_subgroups);
    }

    #[test]
    fn bad_parameters_are_named() {
        let bad = |pairs: &[(&'static str, &'static str)]| {
            DeviceQuery::from_query(&QueryReader::new(pairs.iter().copied()))
                .unwrap_err()
                .param
        };
        assert_eq!(bad(&[("os", "symbian")]), "os");
        assert_eq!(bad(&[("sort", "colour")]), "sort");
        assert_eq!(bad(&[("group", "x")]), "group");
        assert_eq!(bad(&[("subgroups", "maybe")]), "subgroups");
        let long = "あ".repeat(MAX_SEARCH_LENGTH + 1);
        let error = DeviceQuery::from_query(&QueryReader::new([("q", long.as_str())])).unwrap_err();
        assert_eq!(error.param, "q");
    }

    #[test]
    fn an_empty_filter_is_unrestricted() {
        assert!(DeviceFilter::default().is_unrestricted());
        assert!(filter_q("  ").is_unrestricted());
        assert!(!filter_q("a").is_unrestricted());
    }
}
