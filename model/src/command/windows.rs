//! The Windows wipe: a SyncML `Exec` on a node of the RemoteWipe configuration service provider.
//!
//! Sources (read 2026-12-07): Microsoft's RemoteWipe CSP reference
//! <https://learn.microsoft.com/en-us/windows/client-management/mdm/remotewipe-csp> (page dated
//! 2024-01-18: node names and paths, access type Exec, format `chr`, what each node keeps, and
//! that doWipeProtected is the one for lost or stolen devices), its DDF
//! <https://learn.microsoft.com/en-us/windows/client-management/mdm/remotewipe-ddf-file> (MIME
//! type `text/plain`) and the OMA DM protocol page
//! <https://learn.microsoft.com/en-us/windows/client-management/oma-dm-protocol-support> (Meta
//! `Format`/`Type` in the `syncml:metinf` namespace, a CmdID on every command). The names used
//! here are checked against `tests/fixtures/windows_remotewipe_csp.json`.

use serde::{Deserialize, Serialize};

use crate::vocabulary::vocabulary;
use crate::Lang;

/// The RemoteWipe CSP's root, device scope.
pub const REMOTE_WIPE_ROOT: &str = "./Device/Vendor/MSFT/RemoteWipe";

vocabulary! {
    /// The RemoteWipe node an administrator chooses; the wire name is the node name.
    /// `doWipePersistUserData` keeps the user's accounts and data, so it is no lost-device
    /// wipe and is not offered; nor are the cloud variants or Autopilot Reset.
    #[derive(Default)]
    pub enum WindowsWipeKind {
        DoWipe = "doWipe",
            ja: "リセット(すべて削除)", en: "Reset (remove everything)";
        #[default]
        DoWipeProtected = "doWipeProtected",
            ja: "保護されたリセット(紛失・盗難向け)", en: "Protected reset (for lost or stolen devices)";
        DoWipePersistProvisionedData = "doWipePersistProvisionedData",
            ja: "リセット(プロビジョニングデータを保持)", en: "Reset keeping provisioning data";
    }
}

impl WindowsWipeKind {
    /// The node's full path, the `LocURI` of the `Exec`.
    pub fn loc_uri(self) -> String {
        format!("{REMOTE_WIPE_ROOT}/{}", self.as_str())
    }

    /// What the reset keeps and how it behaves, in one line.
    pub fn description(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (WindowsWipeKind::DoWipe, Lang::Ja) => {
                "「このPCをリセット」の「すべて削除」に相当します。電源を切られるとリセット前に戻ろうとし、戻れない場合は使えない状態になることがあります。"
            }
            (WindowsWipeKind::DoWipe, Lang::En) => {
                "Like Reset this PC > Remove everything. If interrupted by a power cycle it tries to roll back, and may leave the PC unusable if it cannot."
            }
            (WindowsWipeKind::DoWipeProtected, Lang::Ja) => {
                "内蔵ドライブを完全に消去し、中断されても完了するまでリセットを続けます。紛失・盗難時の推奨です。構成によっては起動できなくなることがあります。"
            }
            (WindowsWipeKind::DoWipeProtected, Lang::En) => {
                "Fully cleans the internal drive and keeps trying until the reset is done, even if interrupted. Recommended for lost or stolen devices; some configurations may not boot afterwards."
            }
            (WindowsWipeKind::DoWipePersistProvisionedData, Lang::Ja) => {
                "プロビジョニングデータを退避してからリセットし、リセット後に復元・再適用します。"
            }
            (WindowsWipeKind::DoWipePersistProvisionedData, Lang::En) => {
                "Backs up the provisioning data, resets, then restores and reapplies it."
            }
        }
    }
}

/// The `Exec` command of one Windows wipe job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteWipeExec {
    /// The command's id within its SyncML message.
    pub cmd_id: u32,
    pub kind: WindowsWipeKind,
}

impl RemoteWipeExec {
    pub fn new(cmd_id: u32, kind: WindowsWipeKind) -> Self {
        RemoteWipeExec { cmd_id, kind }
    }

    /// The `<Exec>` element as it goes into the message's `SyncBody`: the node as target,
    /// the node's format (`chr`) and type (`text/plain`) as meta, and empty data.
    pub fn to_syncml(&self) -> String {
        format!(
            "<Exec>\n\
             \t<CmdID>{}</CmdID>\n\
             \t<Item>\n\
             \t\t<Target>\n\
             \t\t\t<LocURI>{}</LocURI>\n\
             \t\t</Target>\n\
             \t\t<Meta>\n\
             \t\t\t<Format xmlns=\"syncml:metinf\">chr</Format>\n\
             \t\t\t<Type xmlns=\"syncml:metinf\">text/plain</Type>\n\
             \t\t</Meta>\n\
             \t\t<Data></Data>\n\
             \t</Item>\n\
             </Exec>",
            self.cmd_id,
            self.kind.loc_uri()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_protected_wipe() {
        assert_eq!(WindowsWipeKind::default(), WindowsWipeKind::DoWipeProtected);
        assert!(!WindowsWipeKind::ALL
            .iter()
            .any(|kind| kind.as_str() == "doWipePersistUserData"));
    }

    #[test]
    fn the_exec_targets_the_chosen_node() {
        let exec = RemoteWipeExec::new(7, WindowsWipeKind::DoWipeProtected);
        assert_eq!(
            exec.to_syncml(),
            "<Exec>\n\t<CmdID>7</CmdID>\n\t<Item>\n\t\t<Target>\n\
             \t\t\t<LocURI>./Device/Vendor/MSFT/RemoteWipe/doWipeProtected</LocURI>\n\
             \t\t</Target>\n\t\t<Meta>\n\
             \t\t\t<Format xmlns=\"syncml:metinf\">chr</Format>\n\
             \t\t\t<Type xmlns=\"syncml:metinf\">text/plain</Type>\n\
             \t\t</Meta>\n\t\t<Data></Data>\n\t</Item>\n</Exec>"
        );
        assert!(
            RemoteWipeExec::new(1, WindowsWipeKind::DoWipePersistProvisionedData)
                .to_syncml()
                .contains(
                    "<LocURI>./Device/Vendor/MSFT/RemoteWipe/doWipePersistProvisionedData</LocURI>"
                )
        );
    }

    #[test]
    fn every_kind_reads_in_both_languages() {
        for kind in WindowsWipeKind::ALL {
            assert_ne!(kind.label(Lang::Ja), kind.label(Lang::En));
            assert_ne!(kind.description(Lang::Ja), kind.description(Lang::En));
            assert_eq!(kind.as_str().parse::<WindowsWipeKind>(), Ok(*kind));
        }
    }
}
