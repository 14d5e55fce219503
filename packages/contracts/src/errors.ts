/**
 * Every error code the platform can answer with, its HTTP status and the Chinese
 * message a user sees. Services throw AppError(code); one handler maps it here.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请检查标红的字段' },
  BAD_REQUEST: { status: 400, message: '请求无效' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  CAPTCHA_INVALID: { status: 400, message: '验证码错误或已过期，请重新输入' },
  ACCOUNT_LOCKED: { status: 423, message: '连续登录失败次数过多，账号已锁定15分钟' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系上级单位' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码' },
  PASSWORD_WEAK: { status: 400, message: '密码不符合安全要求' },
  PASSWORD_WRONG: { status: 400, message: '原密码不正确' },
  PASSWORD_REUSED: { status: 400, message: '新密码不能与原密码相同' },
  TOTP_REQUIRED: { status: 401, message: '请输入身份验证器中的6位动态验证码' },
  TOTP_INVALID: { status: 401, message: '动态验证码错误或已使用' },
  TOTP_CODE_WRONG: { status: 400, message: '动态验证码错误或已使用' },
  TOTP_ALREADY_ENABLED: { status: 409, message: '已启用双因素认证；如需更换身份验证器，请先停用，或请上级安全管理员重置密码' },
  TOTP_SETUP_REQUIRED: { status: 403, message: '请先绑定身份验证器（双因素认证）' },
  TOTP_REQUIRED_FOR_ROLE: { status: 403, message: '平台运营岗位必须启用双因素认证' },
  CSRF_FAILED: { status: 403, message: '请求来源校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '当前岗位无权进行此操作' },
  NO_POST: { status: 403, message: '当前账号尚未绑定岗位，请先使用岗位激活码绑定岗位' },
  NOT_FOUND: { status: 404, message: '记录不存在或不在您的管辖范围内' },
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  USERNAME_TAKEN: { status: 409, message: '该用户名已被注册' },
  ORG_CODE_TAKEN: { status: 409, message: '该组织机构代码已被其他组织使用' },
  ORG_NAME_TAKEN: { status: 409, message: '同一上级组织下已有同名组织' },
  WORK_UNIT_DUPLICATE: { status: 409, message: '本组织已有使用该统一社会信用代码的单位' },
  PERSON_IN_OTHER_UNION: { status: 409, message: '此人已是其他工会的会员' },
  ALREADY_MEMBER: { status: 409, message: '此人已是本工会会员' },
  NOT_A_BASE_UNION: { status: 400, message: '会员只能加入基层工会或联合工会' },
  STATUS_CHANGE_NOT_ALLOWED: { status: 409, message: '当前会籍状态不能做此变更' },
  INSPECTION_EXISTS: { status: 409, message: '该年度的此类年检已开启' },
  INSPECTION_NOT_APPLICABLE: { status: 400, message: '只有基层工会需要确认年检' },
  CHILD_KIND_NOT_ALLOWED: { status: 400, message: '该类型的组织不能建在此上级组织之下' },
  ORG_REVOKED: { status: 409, message: '该组织已撤销，不能再修改' },
  ACTIVATION_CODE_INVALID: { status: 400, message: '岗位激活码无效、已使用、已撤销或已过期' },
  POST_ALREADY_HELD: { status: 409, message: '您已持有该岗位' },
  SMS_CODE_INVALID: { status: 400, message: '短信验证码错误或已过期' },
  SMS_TOO_FREQUENT: { status: 429, message: '短信发送过于频繁，请稍后再试' },
  SMS_FAILED: { status: 502, message: '短信发送失败，请稍后重试' },
  ACCOUNT_OUT_OF_REACH: { status: 409, message: '该账号在您的管辖范围外还持有岗位，请联系共同的上级单位处理' },
  FILE_MISSING: { status: 400, message: '请选择要上传的文件' },
  FILE_TOO_LARGE: { status: 413, message: '文件超过 20 MB，请拆分后分批导入' },
  FILE_REJECTED: { status: 400, message: '文件无法导入，请使用下载的会员信息采集表' },
  IMPORT_NOT_READY: { status: 409, message: '该任务当前状态不能进行此操作，请刷新后查看' },
  IMPORT_NOTHING_TO_COMMIT: { status: 409, message: '没有可以导入的行：请先修正错误行后重新上传' },
  REVIEW_TAKEN: { status: 409, message: '该审核已被他人处理，请刷新后查看' },
  REVIEW_NOT_YOURS: { status: 403, message: '该审核步骤不由您的单位审核' },
  REVIEW_CANNOT_WITHDRAW: { status: 409, message: '已有单位处理过该申请，不能再撤回' },
  REVIEW_CANNOT_RESUBMIT: { status: 409, message: '只有被退回的申请才能修改后重新提交' },
  TRANSFER_NOT_ALLOWED: { status: 409, message: '该会员当前不能办理转会' },
  TRANSFER_PERSON_MISMATCH: { status: 400, message: '姓名与证件号码不一致，或会员库中没有此人' },
  TRANSFER_IMPORT_BUSY: { status: 409, message: '本工会上一批转入尚未处理完，请处理完后再导入' },
  APPLICATION_EXISTS: { status: 409, message: '您已有一份申请在审核中' },
  ORG_CHANGE_PENDING: { status: 409, message: '该组织已有一项变更在审核中，请等待审核结束或撤回后再提交' },
  ORG_CHANGE_NEEDS_REVIEW: { status: 409, message: '基层工会修改本单位信息须提交上级工会审核，请使用“修改”提交' },
  ORG_TRANSFER_BLOCKED: { status: 409, message: '本工会有正在办理的会员转出审核或办卡，暂不能转移' },
  ORG_MOVE_NOT_ALLOWED: { status: 400, message: '不能转到该组织之下' },
  FILING_EXISTS: { status: 409, message: '您已有一份基层工会资料上报在审核中' },
  STATISTICS_UNAVAILABLE: { status: 503, message: '大统计库暂时无法连接，请稍后重试，或直接手工填写单位信息' },
  PHONE_TAKEN: { status: 409, message: '该手机号已注册，请直接用手机号登录；如忘记密码，可通过短信找回' },
  VERIFICATION_NO_MATCH: {
    status: 404,
    message: '会员库中没有与您的姓名和证件号码一致的会籍。请联系您所在单位的工会，请工会管理员在“会员信息”中录入您的信息（或在本应用中申请入会），录入后再来认证',
  },
  VERIFICATION_EXISTS: { status: 409, message: '您已提交会员认证，请勿重复提交' },
  VERIFICATION_TAKEN: { status: 409, message: '该会员身份已由其他账号认证。如非本人操作，请联系您所在的工会核实处理' },
  VERIFICATION_TOO_MANY: { status: 429, message: '认证失败次数过多，请明天再试，或联系您所在的工会' },
  NOT_VERIFIED: { status: 403, message: '请先完成工会会员认证' },
  CARD_UNAVAILABLE: { status: 409, message: '您还没有电子会员卡：请先完成工会会员认证' },
  PHONE_CHANGE_REFUSED: { status: 400, message: '账号、姓名或证件号码与已认证的会员信息不一致。请核对，或联系您所在的工会' },
  // 普惠活动: claiming and redeeming e-coupons (benefits-claims.contract.ts).
  ACTIVITY_UNAVAILABLE: { status: 404, message: '活动不存在或已关闭' },
  ACTIVITY_NOT_IN_SCOPE: { status: 404, message: '该活动仅限发布工会（及其下级工会）的会员参加' },
  CLAIM_NOT_IN_WINDOW: { status: 409, message: '不在活动时间内，不能领取' },
  CLAIM_MEMBERSHIP_INACTIVE: { status: 403, message: '您当前没有有效会籍（已转出或在转会中），不能领取工会福利' },
  CLAIM_COUPON_DISABLED: { status: 409, message: '该优惠券已暂停发放，暂不能领取' },
  CLAIM_SOLD_OUT: { status: 409, message: '来晚了，该奖品已领完' },
  CLAIM_LIMIT_REACHED: { status: 409, message: '您已达到本活动的领取次数上限' },
  COUPON_TOKEN_INVALID: { status: 400, message: '无效的券二维码，请让会员打开“我的券”重新出示' },
  COUPON_TOKEN_EXPIRED: { status: 400, message: '券二维码已过期，请让会员刷新后重新出示' },
  COUPON_CODE_NOT_FOUND: { status: 404, message: '券码不存在，请核对后重新输入' },
  REDEMPTION_NOT_STAFF: { status: 403, message: '当前账号不是商家核销人员，或所在商家已下线' },
  REDEMPTION_NOT_AUTHORISED: { status: 403, message: '本商家无权核销该券' },
  REDEMPTION_OUTSIDE_VALIDITY: { status: 409, message: '不在该券的使用期限内，不能核销' },
  REDEMPTION_EXPIRED: { status: 409, message: '该券已过期，不能核销' },
  REDEMPTION_ALREADY_DONE: { status: 409, message: '该券已核销，不能重复核销' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, message: '请求编号（Idempotency-Key）格式不正确' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '该请求编号已用于另一项不同的操作，请刷新页面后重试' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  INTERNAL: { status: 500, message: '系统繁忙，请稍后重试' },
} as const;

export type ErrorCode = keyof typeof errorCatalog;

/** One field-level problem: where (dot path) and what, in Chinese. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  requestId: string;
}
