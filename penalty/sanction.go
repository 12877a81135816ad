package penalty

// SanctionType is a kind of administrative penalty listed in 《行政处罚法》
// art. 9. Orders to correct (责令改正, 责令限期拆除 …) are not penalties
// (art. 28) and are not SanctionTypes.
type SanctionType string

// The penalty types of 《行政处罚法》(2021) art. 9, items (一)–(六).
const (
	Warning            SanctionType = "warning"             // 警告 (一)
	PublicCriticism    SanctionType = "public_criticism"    // 通报批评 (一)
	Fine               SanctionType = "fine"                // 罚款 (二)
	ConfiscateGains    SanctionType = "confiscate_gains"    // 没收违法所得 (二)
	ConfiscateProperty SanctionType = "confiscate_property" // 没收非法财物 (二)
	SuspendLicense     SanctionType = "suspend_license"     // 暂扣许可证件 (三)
	LowerQualification SanctionType = "lower_qualification" // 降低资质等级 (三)
	RevokeLicense      SanctionType = "revoke_license"      // 吊销许可证件 (三)
	RestrictBusiness   SanctionType = "restrict_business"   // 限制开展生产经营活动 (四)
	SuspendBusiness    SanctionType = "suspend_business"    // 责令停产停业 (四)
	Close              SanctionType = "close"               // 责令关闭 (四)
	RestrictEmployment SanctionType = "restrict_employment" // 限制从业 (四)
	Detention          SanctionType = "detention"           // 行政拘留 (五)
	OtherStatutoryType SanctionType = "other"               // 法律、行政法规规定的其他行政处罚 (六)
)

var sanctionLabels = map[SanctionType]string{
	Warning:            "警告",
	PublicCriticism:    "通报批评",
	Fine:               "罚款",
	ConfiscateGains:    "没收违法所得",
	ConfiscateProperty: "没收非法财物",
	SuspendLicense:     "暂扣许可证件",
	LowerQualification: "降低资质等级",
	RevokeLicense:      "吊销许可证件",
	RestrictBusiness:   "限制开展生产经营活动",
	SuspendBusiness:    "责令停产停业",
	Close:              "责令关闭",
	RestrictEmployment: "限制从业",
	Detention:          "行政拘留",
	OtherStatutoryType: "其他行政处罚",
}

// SanctionTypes lists every type in the order of art. 9.
func SanctionTypes() []SanctionType {
	return []SanctionType{
		Warning, PublicCriticism, Fine, ConfiscateGains, ConfiscateProperty,
		SuspendLicense, LowerQualification, RevokeLicense, RestrictBusiness,
		SuspendBusiness, Close, RestrictEmployment, Detention, OtherStatutoryType,
	}
}

// Known reports whether t is one of the art. 9 types.
func (t SanctionType) Known() bool { _, ok := sanctionLabels[t]; return ok }

// Label is the Chinese statutory name of the type.
func (t SanctionType) Label() string {
	if l, ok := sanctionLabels[t]; ok {
		return l
	}
	return string(t)
}

// HearingByType reports whether art. 63 ¶1 (三)(四) gives a hearing right for
// this type regardless of any amount: 降低资质等级, 吊销许可证件, 责令停产停业,
// 责令关闭, 限制从业.
func (t SanctionType) HearingByType() bool {
	switch t {
	case LowerQualification, RevokeLicense, SuspendBusiness, Close, RestrictEmployment:
		return true
	}
	return false
}
