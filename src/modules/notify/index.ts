/** notify: in-app messages 站内消息 and text messages 短信 through a pluggable channel. The only import surface of this module. */
import type { Module } from '../../platform/module';
import { notifyInit } from './db/migrations/20261123T1020_notify_init';
import { notifyMessageOrder } from './db/migrations/20261124T1600_notify_message_order';
import { registerNotifyRoutes } from './notify.routes';

/**
 * Facade for other modules: call `notify` inside the transaction of the change it reports, or `prepareNotice`
 * to write its rows in the same statement as that change.
 */
export { notify, prepareNotice, dispatchSms } from './notify.service';
export type { NotifyInput, Notified, PreparedNotice } from './notify.service';
export { LoggingSmsChannel, setSmsChannel, getSmsChannel } from './notify.channel';
export type { SmsChannel } from './notify.channel';

export const notifyModule: Module = {
  name: 'notify',
  migrations: { '20261123T1020_notify_init': notifyInit, '20261124T1600_notify_message_order': notifyMessageOrder },
  routes: (app, ctx) => registerNotifyRoutes(app, ctx),
};
