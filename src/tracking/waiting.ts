/**
 * Shipments of a carrier without credentials wait, pending, with this marker as their poll error;
 * start-up makes them due as soon as their carrier is configured.
 */
export const NOT_CONFIGURED = 'carrier_not_configured';
