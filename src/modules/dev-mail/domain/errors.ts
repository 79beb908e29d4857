import { NotFoundError } from '../../../shared/domain/errors.ts';

export class DevMailNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('dev_mail.message_not_found', `no message ${id} in the development mailbox`, { id });
  }
}
