'use strict';

const { DynamoDBClient, UpdateItemCommand } = require('@aws-sdk/client-dynamodb');

const dynamo = new DynamoDBClient({});

/** Marks orders as shipped or delivered from carrier events. */
module.exports.handler = async (event) => {
  for (const record of event.Records) {
    const shipment = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
    await dynamo.send(new UpdateItemCommand({
      TableName: process.env.ORDERS_TABLE,
      Key: { orderId: { S: shipment.orderId } },
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': { S: shipment.status } },
    }));
  }
};
