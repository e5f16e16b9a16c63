/// Where the notice says verification is offered: section 三 and annex 2 (一) name Beijing's
/// platform, not a Tianjin body. Credence implements annex 2's procedure; an installation
/// is whoever operates it (`CredentialIssuer.name`), and says so beside these words.
public enum VerificationPlatform {
    /// As the notice prints it, with Credence's translation (the glossary's term).
    public static let name = BilingualText(zh: "北京市境外职业资格证书查询验证服务平台",
                                           en: "Beijing Foreign Professional Qualification Certificate Verification Service Platform")
    /// Annex 2 (一), as printed (http, not https).
    public static let address = "http://easybeijing.fesco.com.cn"
    /// Section 三's sentence, as printed; the English is Credence's translation (`NoticeTranslation`).
    public static let sentence = BilingualText(
        zh: "依托北京市境外职业资格证书查询验证服务平台，本市用人单位可免费在线申请查验拟引进人才职业资格的真实性，促进京津冀人才资源共享。",
        en: "Through the Beijing Foreign Professional Qualification Certificate Verification Service Platform, employers in Tianjin may apply online, free of charge, to have the authenticity of the professional qualification of the talent they intend to bring in checked, so that Beijing, Tianjin and Hebei share talent resources.")
}
