//! The Windows measures other than the wipe: the remote lock (RemoteLock CSP) and the removal
//! of the company's management (an MDM unenrollment through the DMClient CSP).
//!
//! Sources (read 2026-12-07):
//! - RemoteLock CSP, <https://learn.microsoft.com/en-us/windows/client-management/mdm/remotelock-csp>:
//!   the node that locks is `Lock` (there is no `LockNow`), Exec and Get, documented with
//!   `./Vendor/MSFT/RemoteLock/Lock` and an `Exec` without meta or data; the device locks only if
//!   a PIN is set (otherwise status 405), and the page states the CSP is supported on Windows 10
//!   Mobile only.
//! - DMClient CSP, <https://learn.microsoft.com/en-us/windows/client-management/mdm/dmclient-csp>
//!   (page dated 2023-09-27): `./Device/Vendor/MSFT/DMClient/Provider/{ProviderID}/Unenroll`,
//!   device scope, Windows 10 1507 and later, access Exec and Get; the ProviderID goes in
//!   `<Data>`, and Microsoft's example sends `<Format xmlns="syncml:metinf">chr</Format>`.
//! - "Disconnecting from the management infrastructure (unenrollment)",
//!   <https://learn.microsoft.com/en-us/windows/client-management/mdm/disconnecting-from-mdm-unenrollment>:
//!   the server requests unenrollment with that `Exec`; the device removes the enterprise app
//!   token and its line-of-business apps, the certificates and the settings MDM applied. The server
//!   gets no status for it, only the generic alert 1226.
//!
//! The names used here are checked against `tests/fixtures/windows_measures_csp.json`.

use serde::{Deserialize, Serialize};

/// The RemoteLock CSP's `Lock` node, as Microsoft's example writes it.
pub const REMOTE_LOCK_LOC_URI: &str = "./Vendor/MSFT/RemoteLock/Lock";
/// The DMClient CSP's provider root, device scope.
pub const DMCLIENT_PROVIDER_ROOT: &str = "./Device/Vendor/MSFT/DMClient/Provider";
/// The demo portal's ProviderID (the `DMClient/Provider/{ProviderID}` it enrolls devices under).
pub const MDM_PROVIDER_ID: &str = "jp.co.example.mdm";

/// The `Exec` of one Windows measure job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "node", rename_all = "snake_case")]
pub enum WindowsMeasureExec {
    /// `RemoteLock/Lock`.
    Lock { cmd_id: u32 },
    /// `DMClient/Provider/{ProviderID}/Unenroll`.
    Unenroll { cmd_id: u32, provider_id: String },
}

/// XML text escaping for the ProviderID in `LocURI` and `Data`.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl WindowsMeasureExec {
    pub fn lock(cmd_id: u32) -> Self {
        WindowsMeasureExec::Lock { cmd_id }
    }

    pub fn unenroll(cmd_id: u32, provider_id: &str) -> Self {
        WindowsMeasureExec::Unenroll {
            cmd_id,
            provider_id: provider_id.to_string(),
        }
    }

    pub fn cmd_id(&self) -> u32 {
        match self {
            WindowsMeasureExec::Lock { cmd_id } | WindowsMeasureExec::Unenroll { cmd_id, .. } => {
                *cmd_id
            }
        }
    }

    /// The target node, the `LocURI` of the `Exec`.
    pub fn loc_uri(&self) -> String {
        match self {
            WindowsMeasureExec::Lock { .. } => REMOTE_LOCK_LOC_URI.to_string(),
            WindowsMeasureExec::Unenroll { provider_id, .. } => {
                format!("{DMCLIENT_PROVIDER_ROOT}/{provider_id}/Unenroll")
            }
        }
    }

    /// The `<Exec>` element as it goes into the message's `SyncBody`, in the form of Microsoft's
    /// examples: the lock with the target only, the unenrollment with `chr` and the ProviderID.
    pub fn to_syncml(&self) -> String {
        let target = format!(
            "\t<Item>\n\t\t<Target>\n\t\t\t<LocURI>{}</LocURI>\n\t\t</Target>\n",
            escape(&self.loc_uri())
        );
        let rest = match self {
            WindowsMeasureExec::Lock { .. } => String::new(),
            WindowsMeasureExec::Unenroll { provider_id, .. } => format!(
                "\t\t<Meta>\n\t\t\t<Format xmlns=\"syncml:metinf\">chr</Format>\n\t\t</Meta>\n\
                 \t\t<Data>{}</Data>\n",
                escape(provider_id)
            ),
        };
        format!(
            "<Exec>\n\t<CmdID>{}</CmdID>\n{target}{rest}\t</Item>\n</Exec>",
            self.cmd_id()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_targets_the_remote_lock_node() {
        assert_eq!(
            WindowsMeasureExec::lock(3).to_syncml(),
            "<Exec>\n\t<CmdID>3</CmdID>\n\t<Item>\n\t\t<Target>\n\
             \t\t\t<LocURI>./Vendor/MSFT/RemoteLock/Lock</LocURI>\n\t\t</Target>\n\
             \t</Item>\n</Exec>"
        );
    }

    #[test]
    fn the_unenrollment_names_the_provider_twice() {
        let exec = WindowsMeasureExec::unenroll(4, MDM_PROVIDER_ID);
        assert_eq!(
            exec.to_syncml(),
            "<Exec>\n\t<CmdID>4</CmdID>\n\t<Item>\n\t\t<Target>\n\
             \t\t\t<LocURI>./Device/Vendor/MSFT/DMClient/Provider/jp.co.example.mdm/Unenroll</LocURI>\n\
             \t\t</Target>\n\t\t<Meta>\n\t\t\t<Format xmlns=\"syncml:metinf\">chr</Format>\n\t\t</Meta>\n\
             \t\t<Data>jp.co.example.mdm</Data>\n\t</Item>\n</Exec>"
        );
        let json = serde_json::to_value(&exec).unwrap();
        assert_eq!(json["node"], "unenroll");
        assert_eq!(json["provider_id"], "jp.co.example.mdm");
    }
}
