/** The password policy as a request check: a weak password is a 400 on the field it came in. */
import { ApiError } from '../errors';
import { checkPasswordPolicy } from './password';

export function requireStrongPassword(
  password: string,
  account: { email: string; displayName: string },
  field: string,
): void {
  const policy = checkPasswordPolicy(password, account);
  if (!policy.ok) {
    throw new ApiError('validation_failed', policy.reason, {
      details: [{ path: field, message: policy.reason, code: 'weak_password' }],
    });
  }
}
