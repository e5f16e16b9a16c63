/// Annex 2 (4) of the notice, carried by every completed request. The Chinese is the
/// notice's sentence; the English is Credence's translation.
public enum Disclaimer {
    public static let text = BilingualText(
        zh: "核查结果仅对证书的真实性进行确认，不对证书持有人真实资历及实际水平进行确认，如产生人事劳动关系等纠纷，查询验证服务平台不因此承担任何法律责任。",
        en: "The result confirms only that the certificate is authentic; it does not confirm the holder's actual qualifications or level. The verification service bears no legal liability for any employment or personnel dispute that may arise.")
}
