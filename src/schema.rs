//! JSON Schemas for `site.yaml`, `report.yaml` and `campaign.yaml`,
//! generated from the same types the loader reads them into, so an editor
//! with the YAML language server completes and checks fields as people type
//! and can never disagree with the loader about which fields exist.

use schemars::schema_for;

use crate::load::raw::{RawCampaign, RawReport, RawSite};

/// `(file name, pretty JSON)` for each schema.
pub fn schemas() -> Vec<(&'static str, String)> {
    let pretty = |s: schemars::Schema| serde_json::to_string_pretty(&s).unwrap_or_default() + "\n";
    vec![
        ("site.schema.json", pretty(schema_for!(RawSite))),
        ("report.schema.json", pretty(schema_for!(RawReport))),
        ("campaign.schema.json", pretty(schema_for!(RawCampaign))),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaign_schema_knows_the_fields_and_rejects_others() {
        let all = schemas();
        let campaign: serde_json::Value = serde_json::from_str(&all[2].1).unwrap();
        let props = campaign["properties"].as_object().unwrap();
        for field in [
            "name",
            "summary",
            "period",
            "countries",
            "audiences",
            "results",
            "quotes",
            "charts",
        ] {
            assert!(props.contains_key(field), "{field}");
        }
        assert_eq!(
            campaign["additionalProperties"],
            serde_json::Value::Bool(false)
        );
        assert!(all[2].1.contains("a share: 0.92 is 92 %"));
    }
}
