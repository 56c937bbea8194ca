import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

/** A PagerDuty service. */
export interface ServiceFields {
  serviceId: string;
  name?: string;
  url?: string;
}

export const defineServiceModel = (connection: Connection) =>
  defineFactModel<ServiceFields>(connection, 'Service', 'services', ['serviceId'], {
    serviceId: { type: String, required: true },
    name: String,
    url: String,
  });
