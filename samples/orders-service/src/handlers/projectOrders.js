'use strict';

/** Turns table changes into order-summary updates. */
module.exports.handler = async (event) => {
  const changes = event.Records.map((record) => ({
    orderId: record.dynamodb.Keys.orderId.S,
    type: record.eventName,
    status: record.dynamodb.NewImage?.status?.S,
  }));
  console.log(JSON.stringify({ projected: changes.length }));
  return { projected: changes.length };
};
