'use strict';

module.exports.buildReport = async (event) => {
  for (const record of event.Records) {
    console.log('report requested', record.body);
  }
};

module.exports.archiveEvents = async (event) => {
  console.log('archiving', event.Records.length, 'events');
};
