import type { accountZh } from './account.zh-CN';

/** English for account.zh-CN.ts. */
export const accountEn: Record<keyof typeof accountZh, string> = {
  'acct.title': 'Account security',
  'acct.link': 'Account security and identity verification',

  'acct.verify.title': 'Identity verification',
  'acct.verify.level.unverified': 'Not verified',
  'acct.verify.level.provider': 'Verified (identity service)',
  'acct.verify.level.representative': 'Verified (by the legal representative)',
  'acct.verify.level.window': 'Verified (documents checked at a window)',
  'acct.verify.simulated': 'Simulated',
  'acct.verify.simulatedNote': 'Verified by the simulated service for the demo; no real identity was checked.',
  'acct.verify.claim': 'Registered ID number',
  'acct.verify.at': 'Verified at',
  'acct.verify.unverifiedHint':
    'Until it is verified, the ID number is only a claim: cases a window registers for it do not appear in this account, and online applications are not possible.',
  'acct.verify.windowHint': 'You may also bring your documents to any service hall window to be verified there.',
  'acct.verify.companyHint':
    "A company account is verified by its legal representative's verified personal account, or at a service hall window with the business licence.",
  'acct.verify.start': 'Verify with {provider}',
  'acct.verify.noProvider':
    'No online identity service is connected; please bring your documents to a service hall window.',
  'acct.verify.simTitle': 'Simulated identity verification',
  'acct.verify.simBody':
    'This is the simulated service of the demo: it does not check your identity. In a real deployment you would be sent to an identity service that checks your face or card.',
  'acct.verify.simPass': 'Simulate: verified',
  'acct.verify.simFail': 'Simulate: not verified',
  'acct.verify.ok': 'Identity verified',
  'acct.represent.title': 'Verify a company account (legal representative)',
  'acct.represent.hint':
    "If you are a company's registered legal representative, enter its account username to verify it.",
  'acct.represent.username': 'Company account username',
  'acct.represent.submit': 'Verify this company account',
  'acct.represent.ok': 'Company account verified',

  'acct.password.title': 'Change password',
  'acct.password.old': 'Current password',
  'acct.password.new': 'New password',
  'acct.password.submit': 'Change password',
  'acct.password.ok': 'Password changed; this account was signed out everywhere else',
  'acct.password.hint': 'Changing the password signs this account out on every other device or browser.',

  'acct.sessions.title': 'Signed-in devices',
  'acct.sessions.device': 'Device / browser',
  'acct.sessions.ip': 'Address',
  'acct.sessions.created': 'Signed in',
  'acct.sessions.lastSeen': 'Last used',
  'acct.sessions.current': 'This device',
  'acct.sessions.end': 'End',
  'acct.sessions.endConfirm': 'End this session? That device will have to sign in again.',
  'acct.sessions.ended': 'Session ended',

  'acct.signins.title': 'Sign-in history',
  'acct.signins.hint':
    'The last 50 attempts to sign in to this account, failed ones included. If an address looks unfamiliar, change your password.',
  'acct.signins.at': 'Time',
  'acct.signins.result': 'Result',
  'acct.signins.ok': 'Success',
  'acct.signins.fail': 'Failed',
  'acct.signins.reason.password': 'Wrong password',
  'acct.signins.reason.challenge': 'Wrong challenge answer',
  'acct.signins.reason.challenge_required': 'Challenge not answered',
  'acct.signins.reason.delayed': 'Too many failures, delayed',
  'acct.signins.username': 'Username',
  'acct.signins.account': 'Account',
  'acct.signins.filterOk': 'Result',
  'acct.signins.adminHint':
    'Every sign-in attempt by account and source address. Repeated failures from one address wait longer each time and must answer a challenge; the account holder signing in from their usual address is not affected.',

  'acct.challenge.label': 'Challenge',
  'acct.challenge.prompt': 'Work out the sum in the picture',
  'acct.challenge.refresh': 'Another one',
  'acct.challenge.image': 'Challenge sum',

  'acct.window.title': 'Identity check at the window',
  'acct.window.hint':
    'Ask the applicant for their documents, find the account by username or registered phone, compare the name, then enter the type and number of the document you see. Only a matching number is verified; every verification is audited.',
  'acct.window.search': 'Username or phone',
  'acct.window.kind': 'Kind',
  'acct.window.name': 'Name',
  'acct.window.claim': 'Registered ID number',
  'acct.window.status': 'Status',
  'acct.window.verify': 'Check documents',
  'acct.window.docType': 'Document seen',
  'acct.window.docNumber': 'Number on the document',
  'acct.window.confirm': 'Verify',
  'acct.window.ok': 'Verified',
  'acct.window.none': 'No applicant account with that username or phone',
  'acct.doc.resident_id': 'Resident identity card',
  'acct.doc.temporary_resident_id': 'Temporary resident identity card',
  'acct.doc.hk_mo_tw_residence': 'Residence permit (HK / Macao / Taiwan)',
  'acct.doc.foreigner_permanent': 'Foreign permanent resident ID card',
  'acct.doc.business_licence': "Business licence (with the representative's ID or a letter of authority)",

  'acct.register.verifyNote':
    'After registering, the ID number must be verified (online or at a window) before cases bind to it and online applications are possible.',
};
