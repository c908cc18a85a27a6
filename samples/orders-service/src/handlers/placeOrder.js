'use strict';

const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');

const dynamo = new DynamoDBClient({});

/** Stores each order from the queue; reports the messages that failed so only they are retried. */
module.exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body);
      await dynamo.send(new PutItemCommand({
        TableName: process.env.ORDERS_TABLE,
        Item: {
          orderId: { S: order.orderId },
          status: { S: 'PLACED' },
          total: { N: String(order.total) },
        },
        ConditionExpression: 'attribute_not_exists(orderId)',
      }));
    } catch (err) {
      console.error('order failed', record.messageId, err);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
