exports.worker = 1;
