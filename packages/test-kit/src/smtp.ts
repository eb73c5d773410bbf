// A real SMTP server for a test (its own entry point: smtp-server and mailparser load only when asked for).
export { linkToken, startSmtpServer, type ReceivedMail, type TestSmtp } from '../../server/test/helpers/smtp.js';
